// Vite bundles CSS imported from modules; tsc only needs to know the import is allowed.
declare module '*.css';
