// Data-plane roles. The app's identity gets what the Functions host, Durable Functions on the
// Azure Storage provider (blobs + queues + tables), Key Vault references and Entra-authenticated
// telemetry need. The deployer optionally gets what operating the app by hand needs.

@description('Principal (object) id of the app\'s managed identity.')
param appPrincipalId string

@description('Principal (object) id of the person or pipeline running the deployment. Empty: no roles.')
param deployerPrincipalId string = ''

param storageAccountName string
param keyVaultName string
param applicationInsightsName string

// Built-in roles; their ids are the same in every tenant.
resource storageBlobDataOwner 'Microsoft.Authorization/roleDefinitions@2022-04-01' existing = {
  scope: subscription()
  name: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
}

resource storageBlobDataContributor 'Microsoft.Authorization/roleDefinitions@2022-04-01' existing = {
  scope: subscription()
  name: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
}

resource storageQueueDataContributor 'Microsoft.Authorization/roleDefinitions@2022-04-01' existing = {
  scope: subscription()
  name: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
}

resource storageTableDataContributor 'Microsoft.Authorization/roleDefinitions@2022-04-01' existing = {
  scope: subscription()
  name: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
}

resource keyVaultSecretsUser 'Microsoft.Authorization/roleDefinitions@2022-04-01' existing = {
  scope: subscription()
  name: '4633458b-17de-408a-b874-0445c86b69e6'
}

resource keyVaultSecretsOfficer 'Microsoft.Authorization/roleDefinitions@2022-04-01' existing = {
  scope: subscription()
  name: 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7'
}

resource monitoringMetricsPublisher 'Microsoft.Authorization/roleDefinitions@2022-04-01' existing = {
  scope: subscription()
  name: '3913510d-42f4-4e42-8a64-420c390055eb'
}

resource storage 'Microsoft.Storage/storageAccounts@2025-01-01' existing = {
  name: storageAccountName
}

resource vault 'Microsoft.KeyVault/vaults@2024-11-01' existing = {
  name: keyVaultName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

// Blob Data Owner rather than Contributor: the host and Durable manage blob leases and
// containers, and Flex Consumption reads its deployment package with this identity.
resource appStorage 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for roleDefinitionId in [
    storageBlobDataOwner.id
    storageQueueDataContributor.id
    storageTableDataContributor.id
  ]: {
    name: guid(storage.id, appPrincipalId, roleDefinitionId)
    scope: storage
    properties: {
      roleDefinitionId: roleDefinitionId
      principalId: appPrincipalId
      // Stated so that a just-created identity is not rejected while Entra ID replicates it.
      principalType: 'ServicePrincipal'
    }
  }
]

resource appSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, appPrincipalId, keyVaultSecretsUser.id)
  scope: vault
  properties: {
    roleDefinitionId: keyVaultSecretsUser.id
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource appTelemetry 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(applicationInsights.id, appPrincipalId, monitoringMetricsPublisher.id)
  scope: applicationInsights
  properties: {
    roleDefinitionId: monitoringMetricsPublisher.id
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// Shared keys are off, so an operator drops recipient files with `--auth-mode login`.
resource deployerBlobs 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(deployerPrincipalId)) {
  name: guid(storage.id, deployerPrincipalId, storageBlobDataContributor.id)
  scope: storage
  properties: {
    roleDefinitionId: storageBlobDataContributor.id
    principalId: deployerPrincipalId
  }
}

// Lets the deployer set a secret later with `az keyvault secret set`; an RBAC vault has no
// access policies to fall back on.
resource deployerSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(deployerPrincipalId)) {
  name: guid(vault.id, deployerPrincipalId, keyVaultSecretsOfficer.id)
  scope: vault
  properties: {
    roleDefinitionId: keyVaultSecretsOfficer.id
    principalId: deployerPrincipalId
  }
}
