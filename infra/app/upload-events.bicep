// Delivers "blob created" events for the uploads container to the app's blob trigger.
// Flex Consumption runs blob triggers only with the Event Grid source (no container polling),
// so without this subscription a dropped file is never picked up.

param storageAccountName string
param functionAppName string
param location string = resourceGroup().location
param tags object = {}

@description('Container whose new blobs trigger the function.')
param containerName string

@description('Name of the blob-triggered function. Empty: create only the system topic. The subscription needs the host\'s blobs_extension key, which exists only after the code has been deployed once, so set this and provision again after the first deploy.')
param blobTriggerFunctionName string = ''

resource storage 'Microsoft.Storage/storageAccounts@2025-01-01' existing = {
  name: storageAccountName
}

resource functionApp 'Microsoft.Web/sites@2024-11-01' existing = {
  name: functionAppName
}

// The typed `sites/host` resource has no Bicep types, so the keys are listed by resource id.
var hostKeys = listKeys('${functionApp.id}/host/default', functionApp.apiVersion)

resource storageEvents 'Microsoft.EventGrid/systemTopics@2025-02-15' = {
  name: 'evgt-${storageAccountName}'
  location: location
  tags: tags
  properties: {
    source: storage.id
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

resource uploads 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2025-02-15' = if (!empty(blobTriggerFunctionName)) {
  parent: storageEvents
  name: '${containerName}-blob-created'
  properties: {
    destination: {
      endpointType: 'WebHook'
      properties: {
        endpointUrl: 'https://${functionApp.properties.defaultHostName}/runtime/webhooks/blobs?functionName=Host.Functions.${blobTriggerFunctionName}&code=${hostKeys.systemKeys.blobs_extension}'
      }
    }
    eventDeliverySchema: 'EventGridSchema'
    filter: {
      includedEventTypes: [
        'Microsoft.Storage.BlobCreated'
      ]
      subjectBeginsWith: '/blobServices/default/containers/${containerName}/'
    }
  }
}

output systemTopicName string = storageEvents.name
