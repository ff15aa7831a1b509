// Application Insights on a Log Analytics workspace. Local (key) ingestion is off: the app sends
// telemetry with its managed identity, which gets Monitoring Metrics Publisher here.

@description('Name of the Log Analytics workspace.')
param logAnalyticsName string

@description('Name of the Application Insights component.')
param applicationInsightsName string

@description('Azure region.')
param location string

@description('Tags put on both resources.')
param tags object = {}

@description('Days the workspace keeps logs and telemetry (30 to 730).')
@minValue(30)
@maxValue(730)
param retentionInDays int = 30

@description('Principal id of the app\'s managed identity (sends telemetry).')
param appPrincipalId string

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: logAnalyticsName
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: applicationInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    DisableLocalAuth: true
  }
}

// Monitoring Metrics Publisher: lets the identity send telemetry when local auth is off.
var monitoringMetricsPublisher = '3913510d-42f4-4e42-8a64-420c390055eb'

resource publisher 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(appInsights.id, appPrincipalId, monitoringMetricsPublisher)
  scope: appInsights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', monitoringMetricsPublisher)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

@description('APPLICATIONINSIGHTS_CONNECTION_STRING of the Function App.')
output connectionString string = appInsights.properties.ConnectionString

output applicationInsightsName string = appInsights.name
output logAnalyticsName string = workspace.name
