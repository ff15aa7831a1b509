// Serverless Cosmos DB (NoSQL API): one database and the four containers of docs/architecture.md §4, each
// partitioned as the code reads it (shared/domain/containers.ts). Key auth is off; the app's managed
// identity gets the built-in Data Contributor role, the person who runs azd a metadata-only role.
// Containers are created here, not by the app: a data-plane role cannot create them.

@description('Name of the Cosmos DB account (lowercase letters, digits and hyphens, 3 to 44).')
param name string

@description('Azure region.')
param location string

@description('Tags put on the account.')
param tags object = {}

@description('Name of the database (COSMOS_DATABASE).')
param databaseName string = 'steady'

@description('Principal id of the app\'s managed identity.')
param appPrincipalId string

@description('Object id of whoever runs azd: may read the account\'s metadata (database and containers, for `npm run doctor`), never the documents. Empty: nobody.')
param operatorPrincipalId string = ''

// The containers and their partition keys: keep in step with shared/domain/containers.ts (the
// settings-agreement test compares them). Paths that hold long text people typed are left out of the
// index: no query filters or sorts on them, and indexing them would only cost RUs on every write.
var containers = [
  {
    name: 'pairs'
    partitionKey: '/pairId'
    // topic, note and action item text; series title; deep-dive answers
    excludedPaths: ['/text/?', '/title/?', '/makeItTen/?', '/learning/?', '/career/?']
  }
  {
    name: 'users'
    partitionKey: '/userId'
    excludedPaths: ['/name/?']
  }
  {
    name: 'calendars'
    partitionKey: '/calendarId'
    // the sync token is long and opaque; tracked is a map keyed by event id
    excludedPaths: ['/syncToken/?', '/tracked/*']
  }
  {
    name: 'jobs'
    partitionKey: '/bucket'
    excludedPaths: []
  }
]

resource account 'Microsoft.DocumentDB/databaseAccounts@2024-11-15' = {
  name: name
  location: location
  tags: tags
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    capabilities: [
      {
        name: 'EnableServerless'
      }
    ]
    locations: [
      {
        locationName: location
        failoverPriority: 0
        isZoneRedundant: false
      }
    ]
    consistencyPolicy: {
      defaultConsistencyLevel: 'Session'
    }
    disableLocalAuth: true
    disableKeyBasedMetadataWriteAccess: true
    minimalTlsVersion: 'Tls12'
    publicNetworkAccess: 'Enabled'
  }

  resource database 'sqlDatabases' = {
    name: databaseName
    properties: {
      resource: {
        id: databaseName
      }
    }

    resource container 'containers' = [
      for c in containers: {
        name: c.name
        properties: {
          resource: {
            id: c.name
            partitionKey: {
              paths: [c.partitionKey]
              kind: 'Hash'
              version: 2
            }
            indexingPolicy: {
              indexingMode: 'consistent'
              automatic: true
              includedPaths: [
                {
                  path: '/*'
                }
              ]
              excludedPaths: concat([{ path: '/"_etag"/?' }], map(c.excludedPaths, p => { path: p }))
            }
          }
        }
      }
    ]
  }
}

// Cosmos DB Built-in Data Contributor: read and write items, read metadata; no account management.
var dataContributor = '00000000-0000-0000-0000-000000000002'

resource appDataAccess 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2024-11-15' = {
  parent: account
  name: guid(account.id, appPrincipalId, dataContributor)
  properties: {
    roleDefinitionId: '${account.id}/sqlRoleDefinitions/${dataContributor}'
    principalId: appPrincipalId
    scope: account.id
  }
}

// A custom role with metadata only: the database and container definitions, no item.
resource metadataReader 'Microsoft.DocumentDB/databaseAccounts/sqlRoleDefinitions@2024-11-15' = {
  parent: account
  name: guid(account.id, 'steady-metadata-reader')
  dependsOn: [appDataAccess]
  properties: {
    roleName: 'Steady metadata reader'
    type: 'CustomRole'
    assignableScopes: [account.id]
    permissions: [
      {
        dataActions: ['Microsoft.DocumentDB/databaseAccounts/readMetadata']
      }
    ]
  }
}

resource operatorMetadataAccess 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2024-11-15' = if (!empty(operatorPrincipalId)) {
  parent: account
  name: guid(account.id, operatorPrincipalId, 'steady-metadata-reader')
  // Cosmos DB applies role changes on an account one at a time: after the app's, not beside it.
  dependsOn: [appDataAccess]
  properties: {
    roleDefinitionId: metadataReader.id
    principalId: operatorPrincipalId
    scope: account.id
  }
}

@description('COSMOS_ENDPOINT.')
output endpoint string = account.properties.documentEndpoint

@description('COSMOS_DATABASE.')
output databaseName string = databaseName

output name string = account.name
