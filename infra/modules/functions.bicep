// The Function App on the Flex Consumption plan (FC1, Linux, Node 22). It runs as the user-assigned
// identity: storage, queues, Cosmos DB, Key Vault and Application Insights are all reached with it, so
// no app setting holds a key. Every setting the code reads (shared/config.ts) is set in `appSettings`
// below or is listed, with the reason, in infra/app-settings.json (checked by
// test/unit/settings-agreement.test.ts).

@description('Name of the Function App; its host name becomes <name>.azurewebsites.net or a regional variant.')
param name string

@description('Name of the Flex Consumption plan.')
param planName string

@description('Azure region.')
param location string

@description('Tags put on the plan and the app (the app also gets azd-service-name).')
param tags object = {}

@description('The azd service name in azure.yaml that deploys to this app.')
param serviceName string = 'api'

@description('Resource id of the user-assigned identity the app runs as.')
param identityId string

@description('Client id of that identity: AZURE_CLIENT_ID, and BOT_ID (the bot is the same identity).')
param identityClientId string

@description('Entra tenant of that identity: BOT_TENANT_ID.')
param identityTenantId string

@description('Blob endpoint of the storage account (AzureWebJobsStorage__blobServiceUri).')
param storageBlobEndpoint string

@description('Queue endpoint of the storage account (AzureWebJobsStorage__queueServiceUri, also read by Steady).')
param storageQueueEndpoint string

@description('Table endpoint of the storage account (AzureWebJobsStorage__tableServiceUri).')
param storageTableEndpoint string

@description('URL of the blob container that holds the deployment package.')
param deploymentContainerUrl string

@description('COSMOS_ENDPOINT: the Cosmos DB account URL.')
param cosmosEndpoint string

@description('COSMOS_DATABASE.')
param cosmosDatabaseName string

@description('Versionless URI of the Key Vault secret that holds the Google private key.')
param googleKeySecretUri string

@description('APPLICATIONINSIGHTS_CONNECTION_STRING.')
param applicationInsightsConnectionString string

@description('The versionless Key Vault secret URI of the digest key (STEADY_DIGEST_KEY).')
param digestKeySecretUri string

@description('The versionless Key Vault secret URI of the replaced digest keys (STEADY_OLD_DIGEST_KEYS).')
param oldDigestKeysSecretUri string

@description('GOOGLE_SERVICE_ACCOUNT_EMAIL: the service account with domain-wide delegation (may be empty at first).')
param googleServiceAccountEmail string

@description('ALLOWED_TENANTS: comma-separated Entra tenant ids whose people may use Steady.')
param allowedTenants string

@description('TENANT_DOMAINS: the Google domains each tenant\'s people may claim (tid1=contoso.com;tid2=fabrikam.com).')
param tenantDomains string

@description('DOMAIN_MAP: Teams domains that are other Google domains (contoso.onmicrosoft.com=contoso.com,...).')
param domainMap string

@description('DIRECTORY: google or none (who manages whom, and which addresses are one person).')
param directory string

@description('GOOGLE_DIRECTORY_ADMIN: the Workspace admin the directory lookups act as (DIRECTORY=google).')
param googleDirectoryAdmin string

@description('AGENDA_LEAD_MINUTES: how long before a 1:1 the agenda is posted.')
param agendaLeadMinutes string

@description('SUMMARY_DELAY_MINUTES: how long after a 1:1 the summary is sent.')
param summaryDelayMinutes string

@description('Most instances the plan scales out to. Teams allows about 30 requests/s per app per tenant; Steady\'s rate limiter is per instance, so keep this modest.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Memory of each instance, in MB.')
@allowed([512, 2048, 4096])
param instanceMemoryMB int = 2048

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true // Linux
  }
}

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': serviceName })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      minTlsVersion: '1.2'
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: deploymentContainerUrl
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'node'
        version: '22'
      }
    }
  }

  // The app settings, as their own resource so they can use the app's host name. This replaces the
  // whole set on every deployment: a setting added by hand in the portal is removed by the next
  // `azd provision`. Each key is an environment variable; see the README's settings table.
  resource appSettings 'config' = {
    name: 'appsettings'
    properties: {
      // Steady's own settings (shared/config.ts)
      STEADY_MODE: 'azure'
      STEADY_STORE: 'cosmos'
      COSMOS_ENDPOINT: cosmosEndpoint
      COSMOS_DATABASE: cosmosDatabaseName
      AZURE_CLIENT_ID: identityClientId
      GOOGLE_ROOT_URL: 'https://www.googleapis.com/'
      GOOGLE_SERVICE_ACCOUNT_EMAIL: googleServiceAccountEmail
      GOOGLE_PRIVATE_KEY: '@Microsoft.KeyVault(SecretUri=${googleKeySecretUri})'
      STEADY_DIGEST_KEY: '@Microsoft.KeyVault(SecretUri=${digestKeySecretUri})'
      STEADY_OLD_DIGEST_KEYS: '@Microsoft.KeyVault(SecretUri=${oldDigestKeysSecretUri})'
      CALENDAR_WEBHOOK_URL: 'https://${site.properties.defaultHostName}/api/calendar/webhook'
      AzureWebJobsStorage__queueServiceUri: storageQueueEndpoint
      BOT_ID: identityClientId
      BOT_TENANT_ID: identityTenantId
      ALLOWED_TENANTS: allowedTenants
      TENANT_DOMAINS: tenantDomains
      DOMAIN_MAP: domainMap
      DIRECTORY: directory
      GOOGLE_DIRECTORY_ADMIN: googleDirectoryAdmin
      AGENDA_LEAD_MINUTES: agendaLeadMinutes
      SUMMARY_DELAY_MINUTES: summaryDelayMinutes
      // Read by the Functions host only (listed in infra/app-settings.json)
      AzureWebJobsStorage__blobServiceUri: storageBlobEndpoint
      AzureWebJobsStorage__tableServiceUri: storageTableEndpoint
      AzureWebJobsStorage__credential: 'managedidentity'
      AzureWebJobsStorage__clientId: identityClientId
      APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsightsConnectionString
      APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
    }
  }
}

output name string = site.name
output id string = site.id

@description('The app\'s host name: the bot\'s messaging endpoint and the Teams package\'s valid domain.')
output hostName string = site.properties.defaultHostName
