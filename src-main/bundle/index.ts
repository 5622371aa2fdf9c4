/**
 * The monthly Siklus bundle: keys, packing (serialise → sign → zip → age-encrypt), opening and
 * verification. Format reference: docs/bundle-format.md. Never imports Electron.
 */
export {
  BUNDLE_ERROR_CODES,
  BUNDLE_ERROR_MESSAGES,
  BundleError,
  isBundleError,
  type BundleErrorCode,
} from './errors';
export {
  DEFAULT_SCRYPT_WORK_FACTOR,
  KEY_FILE_WORK_FACTOR,
  MAX_SCRYPT_WORK_FACTOR,
  MIN_PASSPHRASE_LENGTH,
  ageIdentityFileText,
  ageRecipientOf,
  checkPassphraseStrength,
  decryptWithPassphrase,
  encryptWithPassphrase,
  generateAgeKeyPair,
  generateSigningKey,
  isAgeRecipient,
  keyFingerprint,
  parseAgeIdentityFile,
  parseAgeRecipient,
  recipientFileText,
  recipientFingerprint,
  recipientQrSvg,
  signerFingerprint,
  signingKeyInfo,
  type AgeKeyPair,
  type SigningKeyInfo,
} from './keys';
export {
  encodeMinisignPublicKey,
  encodeMinisignSecretKeyFile,
  generateMinisignKey,
  minisignKeyFromSeed,
  minisignKeyId,
  minisignPublicKeyFile,
  parseMinisignPublicKey,
  parseMinisignSecretKeyFile,
  parseMinisignSignature,
  signMinisign,
  verifyMinisign,
  type MinisignPublicKey,
  type MinisignSecretKey,
  type MinisignSignature,
} from './minisign';
export {
  KEY_FILES,
  addRecipient,
  addTrustedSigner,
  initDinkesKeys,
  initPuskesmasKeys,
  keysDir,
  localIsoString,
  readKeyStore,
  readRecipients,
  readTrustedSigners,
  unlockDinkesIdentity,
  unlockSigningKey,
  type DinkesKeyInfo,
  type KeyStoreOptions,
  type KeyStoreSummary,
  type RecipientEntry,
  type SignerEntry,
} from './keystore';
export {
  FORMAT_NAME,
  FORMAT_VERSION,
  ManifestSchema,
  type BundleFacility,
  type BundleManifest,
  type ManifestFile,
} from './manifest';
export {
  encryptZip,
  packBundle,
  serializeBundle,
  signManifest,
  zipBundle,
  type PackInput,
  type PackOptions,
  type PackProgress,
  type PackedBundle,
  type SerializedBundle,
} from './pack';
export {
  createAgeIdentity,
  decryptBundle,
  encryptBundle,
  inspectAgeHeader,
  type AgeHeaderInfo,
  type AgeIdentity,
  type BundleKey,
  type BundleLock,
} from './crypt';
export {
  DEFAULT_BUNDLE_LIMITS,
  lookupTrustedSigner,
  openBundle,
  verifyBundleZip,
  verifyBundleZipKeys,
  type BundleCheck,
  type BundleLimits,
  type BundleRow,
  type KeyedBundle,
  type OpenOptions,
  type OpenedBundle,
  type TrustedSigners,
  type VerifyOptions,
} from './open';
export { verifyBundleFile, writeFileAtomic, type VerifiedBundleFile } from './files';
export { BUNDLE_EXTENSION, bundleFileName, parseBundleFileName } from './naming';
export { readZipStrict, writeZip, type ZipEntry, type ZipLimits } from './zip';
