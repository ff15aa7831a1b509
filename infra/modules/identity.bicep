// The app's one identity: a user-assigned managed identity. The Function App runs as it (Cosmos DB,
// queues, Key Vault references, Application Insights) and the Azure Bot uses it as its Microsoft app id,
// so Steady holds no password or key anywhere.

@description('Name of the user-assigned managed identity.')
param name string

@description('Azure region of the identity.')
param location string

@description('Tags put on the identity.')
param tags object = {}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

@description('Resource id, for the Function App\'s identity list and the bot\'s msaAppMSIResourceId.')
output id string = identity.id

@description('Client id: AZURE_CLIENT_ID and BOT_ID.')
output clientId string = identity.properties.clientId

@description('Object (principal) id, for role assignments.')
output principalId string = identity.properties.principalId

@description('The identity\'s Entra tenant: BOT_TENANT_ID.')
output tenantId string = identity.properties.tenantId
