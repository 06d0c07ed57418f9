import { defineConfig } from 'vite';

// One ES module for the elements, and one for the manifest condition: the extension registry instantiates a
// condition module's `api` export, which the elements' module must not have (see src/index.ts). Code both use
// (the API client, the permission cache) goes into a shared chunk, so GET /me is asked once. The back office already ships Lit, UUI and its own
// modules through an import map, so everything under @umbraco-cms stays external: bundling a
// second copy would register custom elements twice and break the shared context system.
export default defineConfig({
  build: {
    lib: {
      entry: { 'journey-content': 'src/index.ts', 'permission-condition': 'src/permission.condition.ts' },
      formats: ['es'],
      fileName: (_format, name) => `${name}.js`,
    },
    // The Razor SDK serves wwwroot as static web assets at /App_Plugins/JourneyContent/ and
    // packs it into the NuGet package, so the bundle is written straight there.
    outDir: '../wwwroot/App_Plugins/JourneyContent',
    // outDir is outside the Vite root; stale files must still go, or they would be packed.
    emptyOutDir: true,
    sourcemap: true,
    rollupOptions: {
      external: [/^@umbraco/],
    },
  },
});
