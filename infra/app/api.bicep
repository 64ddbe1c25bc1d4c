// The batch-calling Functions app on a Flex Consumption plan.

param name string
param planName string
param location string = resourceGroup().location
param tags object = {}

@description('Resource id of the user-assigned identity the app runs as.')
param identityId string

@description('Client id of that identity.')
param identityClientId string

param storageAccountName string
param storageBlobEndpoint string

@description('Blob container that holds the deployment package.')
param deploymentContainerName string

param applicationInsightsConnectionString string

param keyVaultName string

@description('Key Vault secret names for the app\'s secrets.')
param secretNames {
  twilioAuthToken: string
  elevenLabsApiKey: string
  elevenLabsWebhookSecret: string
  apiKey: string
}

@description('Durable Functions task hub name (letters and digits, starting with a letter).')
param taskHubName string

param twilioAccountSid string
param elevenLabsBaseUrl string
param workspaceConcurrencyLimit int
param twilioCallsPerSecond string
param conversationFallbackDelay string
param defaultAgentId string
param defaultPhoneNumberId string

@allowed([2048, 4096])
param instanceMemoryMB int = 2048

@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 100

resource plan 'Microsoft.Web/serverfarms@2024-11-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource functionApp 'Microsoft.Web/sites@2024-11-01' = {
  name: name
  location: location
  // azd deploys the `api` service of azure.yaml to the resource carrying this tag.
  tags: union(tags, { 'azd-service-name': 'api' })
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
    // Without this, Key Vault references are resolved with a system-assigned identity the app
    // does not have.
    keyVaultReferenceIdentity: identityId
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storageBlobEndpoint}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
      }
      // Flex Consumption takes the worker runtime from here and rejects a
      // FUNCTIONS_WORKER_RUNTIME app setting.
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }
}

// Set as a child resource so the values can use the app's host name, which Flex Consumption
// only knows once the app exists (it may carry a generated suffix).
resource appSettings 'Microsoft.Web/sites/config@2024-11-01' = {
  parent: functionApp
  name: 'appsettings'
  properties: {
    AzureWebJobsStorage__accountName: storageAccountName
    AzureWebJobsStorage__credential: 'managedidentity'
    AzureWebJobsStorage__clientId: identityClientId
    // DefaultAzureCredential in the app's own storage clients picks the user-assigned identity by this.
    AZURE_CLIENT_ID: identityClientId
    FUNCTIONS_EXTENSION_VERSION: '~4'
    TASKHUB_NAME: taskHubName
    // A fixed host id keeps blob receipts and host locks valid when the host name changes.
    AzureFunctionsWebHost__hostid: take(toLower(name), 32)
    APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsightsConnectionString
    APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
    Twilio__AccountSid: twilioAccountSid
    Twilio__AuthToken: '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=${secretNames.twilioAuthToken})'
    ElevenLabs__ApiKey: '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=${secretNames.elevenLabsApiKey})'
    ElevenLabs__BaseUrl: elevenLabsBaseUrl
    Conversations__WebhookSecret: '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=${secretNames.elevenLabsWebhookSecret})'
    Conversations__FallbackDelay: conversationFallbackDelay
    Callbacks__PublicBaseUrl: 'https://${functionApp.properties.defaultHostName}'
    Api__Keys__0: '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=${secretNames.apiKey})'
    Dispatch__WorkspaceConcurrencyLimit: string(workspaceConcurrencyLimit)
    Twilio__CallsPerSecond: twilioCallsPerSecond
    Batch__DefaultAgentId: defaultAgentId
    // Empty means "no default phone number".
    Batch__DefaultPhoneNumberId: defaultPhoneNumberId
    // Uploads arrive through Event Grid here; the polling twin of the ingest function is for Azurite.
    'AzureWebJobs.RecipientFileDroppedByPolling.Disabled': 'true'
  }
}

output name string = functionApp.name
output defaultHostName string = functionApp.properties.defaultHostName
