// Key Vault for the app's secrets. The app reads them through Key Vault references, so secret
// values never appear in app settings, templates or deployment history.

param name string
param location string = resourceGroup().location
param tags object = {}

@secure()
@description('Secret name to value. An empty value is skipped so the secret can be set later with `az keyvault secret set` without the next provision overwriting it.')
param secrets object = {}

resource vault 'Microsoft.KeyVault/vaults@2024-11-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 7
    // Flex Consumption cannot resolve Key Vault references against a network-restricted vault.
    publicNetworkAccess: 'Enabled'
  }
}

resource secretValues 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = [
  for secret in items(secrets): if (!empty(secret.value)) {
    parent: vault
    name: secret.key
    properties: {
      value: secret.value
    }
  }
]

output name string = vault.name
output endpoint string = vault.properties.vaultUri
