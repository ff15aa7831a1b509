// Key Vault (RBAC mode) for Steady's two secrets: the Google service account's private key and the
// key of its keyed digests (STEADY_DIGEST_KEY). The Function App reads them through Key Vault references with its managed identity (Key Vault Secrets
// User); the person who runs azd may get Key Vault Secrets Officer to store the key.

@description('Name of the vault (3 to 24 letters, digits and hyphens).')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region.')
param location string

@description('Tags put on the vault.')
param tags object = {}

@description('Name of the secret that holds the Google private key.')
param googleKeySecretName string = 'google-private-key'

@secure()
@description('The Google service account\'s private key (PEM). Empty: the secret is not written (store it later with az keyvault secret set), and an existing one is left as it is.')
param googlePrivateKey string = ''

@description('Name of the secret that holds the digest key.')
param digestKeySecretName string = 'steady-digest-key'

@secure()
@description('The key of the keyed digests (HMAC-SHA256) of email addresses (Steady refuses to start with fewer than 16 characters).')
param digestKey string

@description('Name of the secret that holds the digest keys a rotation replaced.')
param oldDigestKeysSecretName string = 'steady-old-digest-keys'

@secure()
@description('The digest keys a rotation replaced, comma-separated, or none.')
param oldDigestKeys string = 'none'

@description('Principal id of the app\'s managed identity (reads secrets).')
param appPrincipalId string

@description('Object id of the person or service principal running azd, given Key Vault Secrets Officer to store the key. Empty: nobody.')
param operatorPrincipalId string = ''

@description('Type of operatorPrincipalId.')
@allowed(['User', 'ServicePrincipal', 'Group'])
param operatorPrincipalType string = 'User'

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 7
    publicNetworkAccess: 'Enabled'
  }
}

resource googleKey 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(googlePrivateKey)) {
  parent: vault
  name: googleKeySecretName
  properties: {
    value: googlePrivateKey
    contentType: 'application/x-pem-file'
  }
}

// Written on every deployment with the value passed in: azd passes the stored one back, so it stays.
resource digestKeySecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: digestKeySecretName
  properties: {
    value: digestKey
    contentType: 'text/plain'
  }
}

// Written on every deployment too (`none` when there are none), so the app setting always resolves.
resource oldDigestKeysSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: oldDigestKeysSecretName
  properties: {
    value: empty(oldDigestKeys) ? 'none' : oldDigestKeys
    contentType: 'text/plain'
  }
}

var secretsUser = '4633458b-17de-408a-b874-0445c86b69e6' // Key Vault Secrets User
var secretsOfficer = 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7' // Key Vault Secrets Officer

resource appReadsSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, appPrincipalId, secretsUser)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', secretsUser)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource operatorWritesSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(operatorPrincipalId)) {
  name: guid(vault.id, operatorPrincipalId, secretsOfficer)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', secretsOfficer)
    principalId: operatorPrincipalId
    principalType: operatorPrincipalType
  }
}

output name string = vault.name

@description('The versionless secret URI: the Key Vault reference always reads the newest version.')
output googleKeySecretUri string = '${vault.properties.vaultUri}secrets/${googleKeySecretName}'

output googleKeySecretName string = googleKeySecretName

@description('The versionless URI of the digest key secret.')
output digestKeySecretUri string = '${vault.properties.vaultUri}secrets/${digestKeySecretName}'

output digestKeySecretName string = digestKeySecretName

@description('The versionless URI of the secret of the replaced digest keys.')
output oldDigestKeysSecretUri string = '${vault.properties.vaultUri}secrets/${oldDigestKeysSecretName}'
