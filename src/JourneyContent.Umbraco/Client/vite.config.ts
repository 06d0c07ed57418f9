import { defineConfig } from 'vite';

// One ES module for the whole client. The back office already ships Lit, UUI and its own
// modules through an import map, so everything under @umbraco-cms stays external: bundling a
// second copy would register custom elements twice and break the shared context system.
export default defineConfig({
  build: {
    lib: {
      entry: 'src/index.ts',
      formats: ['es'],
      fileName: () => 'journey-content.js',
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
