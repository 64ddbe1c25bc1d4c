// Log Analytics workspace and the workspace-based Application Insights component it backs.

param logAnalyticsName string
param applicationInsightsName string
param location string = resourceGroup().location
param tags object = {}

resource logAnalytics 'Microsoft.OperationalInsights/workspaces@2025-02-01' = {
  name: logAnalyticsName
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: 30
  }
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: applicationInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logAnalytics.id
    // Local (instrumentation key) auth stays on: the isolated worker's Application Insights SDK
    // does not pick up APPLICATIONINSIGHTS_AUTHENTICATION_STRING by itself, so turning it off
    // would silently drop the worker's telemetry. The host sends with Entra ID anyway.
    DisableLocalAuth: false
  }
}

output applicationInsightsName string = applicationInsights.name
output connectionString string = applicationInsights.properties.ConnectionString
