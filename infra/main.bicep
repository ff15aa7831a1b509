// Steady in Azure: everything `azd up` provisions. One resource group holds a Function App on Flex
// Consumption (Node 22), its storage account and queues, a serverless Cosmos DB, a Key Vault for the
// Google key, Application Insights with Log Analytics, and the Azure Bot with its Teams channel, all
// reached through one user-assigned managed identity. See docs/deploy.md.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('Name of the azd environment (AZURE_ENV_NAME): it names the resource group and seeds the unique suffix of every resource name.')
param environmentName string

@minLength(1)
@description('Azure region for every resource (the bot is global). It must offer Flex Consumption: `az functionapp list-flexconsumption-locations`.')
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('Name of the resource group. Empty: rg-<environmentName>.')
param resourceGroupName string = ''

@description('Object id of whoever runs azd (azd fills AZURE_PRINCIPAL_ID): gets Key Vault Secrets Officer on the vault (to store the Google key), and for `npm run doctor` a Cosmos DB role that reads metadata only and Storage Queue Data Reader. Empty: none of these.')
param principalId string = ''

@description('Type of principalId: User, or ServicePrincipal when a pipeline deploys.')
@allowed(['User', 'ServicePrincipal', 'Group'])
param principalType string = 'User'

@description('GOOGLE_SERVICE_ACCOUNT_EMAIL: the Google service account with domain-wide delegation, like steady@project.iam.gserviceaccount.com. May be empty at the first deployment (Steady then refuses to start until it is set).')
param googleServiceAccountEmail string = ''

@secure()
@description('The service account\'s private key (PEM, the private_key of its JSON key file). Empty: the Key Vault secret is not written; store it with `az keyvault secret set` (docs/deploy.md). An existing secret is never overwritten with nothing.')
param googlePrivateKey string = ''

@secure()
@description('STEADY_DIGEST_KEY: the key of the keyed digests (HMAC-SHA256) that stand for email addresses in erasure records and logs, stored as a Key Vault secret. newGuid() makes one on a deployment that gets none; azd passes the existing secret back (infra/main.parameters.json), since a new key on each deployment would lose every erasure record. Deploying without azd: pass the existing value.')
param digestKey string = newGuid()

@secure()
@description('STEADY_OLD_DIGEST_KEYS: the digest keys a rotation replaced, comma-separated, or none: erasure records kept under them are still found (docs/deploy.md, "Rotate the digest key"). Stored as a Key Vault secret on every deployment; azd passes the azd environment\'s STEADY_OLD_DIGEST_KEYS.')
param oldDigestKeys string = 'none'

@description('ALLOWED_TENANTS: comma-separated Entra tenant ids whose people may use Steady. Empty: the tenant of this subscription.')
param allowedTenants string = ''

@description('TENANT_DOMAINS: with several ALLOWED_TENANTS, the Google domains each tenant\'s people may claim: tid1=contoso.com;tid2=fabrikam.com (docs/tenants.md).')
param tenantDomains string = ''

@description('DOMAIN_MAP: Teams (Entra) domains that are other Google Workspace domains: contoso.onmicrosoft.com=contoso.com,... (docs/tenants.md).')
param domainMap string = ''

@description('DIRECTORY: google (the Workspace directory names managers and aliases; needs GOOGLE_DIRECTORY_ADMIN and the directory scope, docs/google-workspace.md) or none.')
@allowed(['google', 'none'])
param directory string = 'none'

@description('GOOGLE_DIRECTORY_ADMIN: the Workspace admin (Users > Read is enough) the directory lookups act as.')
param googleDirectoryAdmin string = ''

@description('AGENDA_LEAD_MINUTES: minutes before each 1:1 that the agenda is posted (whole number, 0 to 20160).')
param agendaLeadMinutes string = '1440'

@description('SUMMARY_DELAY_MINUTES: minutes after each 1:1 that the summary is sent (whole number, 0 to 1440).')
param summaryDelayMinutes string = '15'

@description('Most instances the Function App scales out to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Days Log Analytics keeps logs and telemetry (30 to 730).')
@minValue(30)
@maxValue(730)
param logRetentionInDays int = 30

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
  app: 'steady'
}
var effectiveAllowedTenants = empty(allowedTenants) ? tenant().tenantId : allowedTenants

// Every queue the functions use (functions/*.ts `queueName`) and the poison queue of each trigger.
var queueNames = ['calendar-sync', 'calendar-sync-poison', 'deliveries', 'deliveries-poison']

resource rg 'Microsoft.Resources/resourceGroups@2022-09-01' = {
  name: empty(resourceGroupName) ? 'rg-${environmentName}' : resourceGroupName
  location: location
  tags: tags
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: 'id-steady-${resourceToken}'
    location: location
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: 'log-steady-${resourceToken}'
    applicationInsightsName: 'appi-steady-${resourceToken}'
    location: location
    tags: tags
    retentionInDays: logRetentionInDays
    appPrincipalId: identity.outputs.principalId
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: 'st${resourceToken}'
    location: location
    tags: tags
    deploymentContainerName: 'deployment-package'
    queueNames: queueNames
    appPrincipalId: identity.outputs.principalId
    operatorPrincipalId: principalId
    operatorPrincipalType: principalType
  }
}

module cosmos 'modules/cosmos.bicep' = {
  name: 'cosmos'
  scope: rg
  params: {
    name: 'cosmos-steady-${resourceToken}'
    location: location
    tags: tags
    databaseName: 'steady'
    appPrincipalId: identity.outputs.principalId
    operatorPrincipalId: principalId
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  scope: rg
  params: {
    name: 'kv-${resourceToken}'
    location: location
    tags: tags
    googlePrivateKey: googlePrivateKey
    digestKey: digestKey
    oldDigestKeys: oldDigestKeys
    appPrincipalId: identity.outputs.principalId
    operatorPrincipalId: principalId
    operatorPrincipalType: principalType
  }
}

module functions 'modules/functions.bicep' = {
  name: 'functions'
  scope: rg
  params: {
    name: 'func-steady-${resourceToken}'
    planName: 'plan-steady-${resourceToken}'
    location: location
    tags: tags
    serviceName: 'api'
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    identityTenantId: identity.outputs.tenantId
    storageBlobEndpoint: storage.outputs.blobEndpoint
    storageQueueEndpoint: storage.outputs.queueEndpoint
    storageTableEndpoint: storage.outputs.tableEndpoint
    deploymentContainerUrl: storage.outputs.deploymentContainerUrl
    cosmosEndpoint: cosmos.outputs.endpoint
    cosmosDatabaseName: cosmos.outputs.databaseName
    googleKeySecretUri: keyVault.outputs.googleKeySecretUri
    digestKeySecretUri: keyVault.outputs.digestKeySecretUri
    oldDigestKeysSecretUri: keyVault.outputs.oldDigestKeysSecretUri
    applicationInsightsConnectionString: monitoring.outputs.connectionString
    googleServiceAccountEmail: googleServiceAccountEmail
    allowedTenants: effectiveAllowedTenants
    tenantDomains: tenantDomains
    domainMap: domainMap
    directory: directory
    googleDirectoryAdmin: googleDirectoryAdmin
    agendaLeadMinutes: agendaLeadMinutes
    summaryDelayMinutes: summaryDelayMinutes
    maximumInstanceCount: maximumInstanceCount
  }
}

module bot 'modules/bot.bicep' = {
  name: 'bot'
  scope: rg
  params: {
    name: 'bot-steady-${resourceToken}'
    tags: tags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    identityTenantId: identity.outputs.tenantId
    appHostName: functions.outputs.hostName
  }
}

// azd stores these, upper-cased, in .azure/<environment>/.env; read one with `azd env get-value NAME`.
output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name

@description('The bot\'s Microsoft app id (the managed identity\'s client id): --bot-id of npm run package:teams.')
output BOT_ID string = identity.outputs.clientId

@description('The Entra tenant of the bot.')
output BOT_TENANT_ID string = identity.outputs.tenantId

@description('The Function App\'s host name: --valid-domain of npm run package:teams.')
output BOT_DOMAIN string = functions.outputs.hostName

@description('A stable Teams app id for this environment: --app-id of npm run package:teams.')
output TEAMS_APP_ID string = guid(subscription().id, environmentName, 'steady-teams-app')

output BOT_NAME string = bot.outputs.name
output BOT_ENDPOINT string = bot.outputs.endpoint
output SERVICE_API_NAME string = functions.outputs.name
output FUNCTION_APP_RESOURCE_ID string = functions.outputs.id
output CALENDAR_WEBHOOK_URL string = 'https://${functions.outputs.hostName}/api/calendar/webhook'
output ALLOWED_TENANTS string = effectiveAllowedTenants
output COSMOS_ENDPOINT string = cosmos.outputs.endpoint
output COSMOS_DATABASE string = cosmos.outputs.databaseName

@description('The queue service URL (AzureWebJobsStorage__queueServiceUri; azd upper-cases output names, hence another name).')
output QUEUE_SERVICE_URI string = storage.outputs.queueEndpoint

output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output GOOGLE_PRIVATE_KEY_SECRET_NAME string = keyVault.outputs.googleKeySecretName
output APPLICATIONINSIGHTS_NAME string = monitoring.outputs.applicationInsightsName
