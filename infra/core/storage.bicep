// Storage for the Functions host, Durable Functions (Azure Storage provider), the app's own
// containers and tables, and the Flex Consumption deployment package.

@description('Storage account name (3-24 lowercase letters and digits).')
param name string

param location string = resourceGroup().location
param tags object = {}

@description('Blob containers to create.')
param containerNames string[]

@description('Tables to create.')
param tableNames string[]

resource storage 'Microsoft.Storage/storageAccounts@2025-01-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    // Every client (host, Durable, app code, operators) authenticates with Entra ID, so account
    // keys are switched off: nothing can leak a key that does not work.
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowBlobPublicAccess: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    accessTier: 'Hot'
    // The Flex host, Event Grid and operators reach storage over its public endpoint (no VNet here).
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }

  resource blobService 'blobServices' = {
    name: 'default'
    properties: {
      // An uploaded recipient file must never be lost, even to a buggy delete.
      deleteRetentionPolicy: {
        enabled: true
        days: 7
      }
      containerDeleteRetentionPolicy: {
        enabled: true
        days: 7
      }
    }

    resource containers 'containers' = [
      for containerName in containerNames: {
        name: containerName
        properties: {
          publicAccess: 'None'
        }
      }
    ]
  }

  resource tableService 'tableServices' = {
    name: 'default'

    resource tables 'tables' = [
      for tableName in tableNames: {
        name: tableName
      }
    ]
  }
}

output name string = storage.name
output id string = storage.id
output blobEndpoint string = storage.properties.primaryEndpoints.blob
