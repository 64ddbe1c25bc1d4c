// Azure deployment for the batch-calling Functions app (azd: `azd up`).
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('Name of the azd environment; names the resource group and seeds unique resource names.')
param environmentName string

@minLength(1)
@description('Region for every resource. It must offer Flex Consumption: `az functionapp list-flexconsumption-locations`.')
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('Object id of the person or pipeline running azd. Gets rights to set Key Vault secrets and to upload recipient files. Empty: no such rights.')
param principalId string = ''

@description('Twilio account SID (not a secret).')
param twilioAccountSid string = ''

@secure()
@description('Twilio auth token. Empty: not written, set it later with `az keyvault secret set`.')
param twilioAuthToken string = ''

@secure()
@description('ElevenLabs API key. Empty: not written, set it later with `az keyvault secret set`.')
param elevenLabsApiKey string = ''

@secure()
@description('Secret of the ElevenLabs workspace webhook (post-call transcription) that signs its deliveries. Empty: not written; until it is set, webhooks are refused and results are fetched instead.')
param elevenLabsWebhookSecret string = ''

@description('How long after a conversation starts (and then between checks) its results are fetched when no post-call webhook brought them.')
param conversationFallbackDelay string = '00:05:00'

@description('Base URL of the ElevenLabs API.')
param elevenLabsBaseUrl string = 'https://api.elevenlabs.io'

@secure()
@description('API key that clients send in the xi-api-key header. Empty: not written, set it later with `az keyvault secret set`.')
param apiKey string = ''

@minValue(1)
@description('The ElevenLabs workspace concurrency limit; batches together use at most half of it.')
param workspaceConcurrencyLimit int = 20

@description('Outbound calls per second of the Twilio account (Twilio default 1), shared by running batches.')
param twilioCallsPerSecond string = '1'

@description('ElevenLabs agent used when a batch names none.')
param defaultAgentId string = ''

@description('ElevenLabs phone number id used when a batch names none. Empty: a batch must name one.')
param defaultPhoneNumberId string = ''

@description('Name of the blob-triggered ingest function. Leave empty for the first `azd up`; set it and run `azd provision` again once the code is deployed, to subscribe the function to uploads.')
param blobTriggerFunctionName string = ''

var tags = {
  'azd-env-name': environmentName
}

// Deterministic per subscription, environment and region, so re-provisioning updates in place.
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))

var functionAppName = 'func-${resourceToken}'
var uploadsContainerName = 'uploads'
var deploymentContainerName = 'app-package'

// One place for the Key Vault secret names, shared by the vault and the app's references.
var secretNames = {
  twilioAuthToken: 'twilio-auth-token'
  elevenLabsApiKey: 'elevenlabs-api-key'
  elevenLabsWebhookSecret: 'elevenlabs-webhook-secret'
  apiKey: 'api-key'
}

resource resourceGroup 'Microsoft.Resources/resourceGroups@2024-11-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module identity 'core/identity.bicep' = {
  scope: resourceGroup
  params: {
    name: 'id-${resourceToken}'
    location: location
    tags: tags
  }
}

module storage 'core/storage.bicep' = {
  scope: resourceGroup
  params: {
    name: 'st${resourceToken}'
    location: location
    tags: tags
    containerNames: [
      uploadsContainerName
      'processed'
      'rejected'
      deploymentContainerName
    ]
    tableNames: [
      'Recipients'
      'Attempts'
      'BatchIndex'
    ]
  }
}

module monitoring 'core/monitoring.bicep' = {
  scope: resourceGroup
  params: {
    logAnalyticsName: 'log-${resourceToken}'
    applicationInsightsName: 'appi-${resourceToken}'
    location: location
    tags: tags
  }
}

module keyVault 'core/keyvault.bicep' = {
  scope: resourceGroup
  params: {
    name: 'kv-${resourceToken}'
    location: location
    tags: tags
    secrets: {
      '${secretNames.twilioAuthToken}': twilioAuthToken
      '${secretNames.elevenLabsApiKey}': elevenLabsApiKey
      '${secretNames.elevenLabsWebhookSecret}': elevenLabsWebhookSecret
      '${secretNames.apiKey}': apiKey
    }
  }
}

module roleAssignments 'core/role-assignments.bicep' = {
  scope: resourceGroup
  params: {
    appPrincipalId: identity.outputs.principalId
    deployerPrincipalId: principalId
    storageAccountName: storage.outputs.name
    keyVaultName: keyVault.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
  }
}

module api 'app/api.bicep' = {
  scope: resourceGroup
  params: {
    name: functionAppName
    planName: 'plan-${resourceToken}'
    location: location
    tags: tags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    storageBlobEndpoint: storage.outputs.blobEndpoint
    deploymentContainerName: deploymentContainerName
    applicationInsightsConnectionString: monitoring.outputs.connectionString
    keyVaultName: keyVault.outputs.name
    secretNames: secretNames
    taskHubName: 'BatchCalling'
    twilioAccountSid: twilioAccountSid
    elevenLabsBaseUrl: elevenLabsBaseUrl
    workspaceConcurrencyLimit: workspaceConcurrencyLimit
    twilioCallsPerSecond: twilioCallsPerSecond
    conversationFallbackDelay: conversationFallbackDelay
    defaultAgentId: defaultAgentId
    defaultPhoneNumberId: defaultPhoneNumberId
  }
  // The app resolves Key Vault references and reaches storage on its first start; its roles
  // must exist by then or it starts with unresolved settings.
  dependsOn: [
    roleAssignments
  ]
}

module uploadEvents 'app/upload-events.bicep' = {
  scope: resourceGroup
  params: {
    storageAccountName: storage.outputs.name
    functionAppName: api.outputs.name
    location: location
    tags: tags
    containerName: uploadsContainerName
    blobTriggerFunctionName: blobTriggerFunctionName
  }
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = resourceGroup.name
output AZURE_FUNCTION_APP_NAME string = api.outputs.name
output AZURE_FUNCTION_APP_URL string = 'https://${api.outputs.defaultHostName}'
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_KEY_VAULT_ENDPOINT string = keyVault.outputs.endpoint
output AZURE_EVENTGRID_SYSTEM_TOPIC_NAME string = uploadEvents.outputs.systemTopicName
output APPLICATIONINSIGHTS_CONNECTION_STRING string = monitoring.outputs.connectionString
