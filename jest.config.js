/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  transform: {
    '^.+\\.ts$': 'ts-jest',
    // FormatJS ships ES modules only: they are compiled to CommonJS for jest like our own files.
    '^.+/node_modules/(intl-messageformat|@formatjs)/.+\\.js$': ['ts-jest', { tsconfig: { allowJs: true, module: 'commonjs' } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!(intl-messageformat|@formatjs)/)'],
  // office-addin-mock needs only office-addin-manifest's OfficeApp names; the package's entry also
  // loads its manifest tooling, whose dependencies ship ES modules only.
  moduleNameMapper: { '^office-addin-manifest$': '<rootDir>/node_modules/office-addin-manifest/lib/officeApp.js' },
  testTimeout: 30000,
};
