// ESLint for the whole repository (`npm run lint`, part of `npm test`): typescript-eslint's type-aware recommended
// rules on every .ts file, each file checked against its nearest tsconfig.json (projectService), plus Pulumi's rules.
import js from "@eslint/js";
import pulumi from "@pulumi/eslint-plugin";
import { defineConfig, globalIgnores } from "eslint/config";
import tseslint from "typescript-eslint";

export default defineConfig(
  globalIgnores(["**/node_modules/", "**/dist/", "**/.pulumi/"]),
  {
    files: ["**/*.ts"],
    extends: [js.configs.recommended, tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { "@pulumi": pulumi },
    rules: {
      // An Output in a plain template literal prints "Calling [toString] on an [Output<T>] is not supported"; use pulumi.interpolate.
      "@pulumi/no-output-in-template-literal": "error",
      "@pulumi/no-output-instance-in-template-literal": "error",
    },
  },
  {
    // The plain JavaScript: the rotation Lambda's handler, the example's server and the mocha helpers, all CommonJS run
    // by Node as they are. Linted as JavaScript, without type information.
    files: ["**/*.js", "**/*.cjs"],
    extends: [js.configs.recommended],
    languageOptions: {
      sourceType: "commonjs",
      globals: { console: "readonly", process: "readonly" },
    },
  },
);
