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
      // `_name` marks a binding kept on purpose (a field left out of a rest object, an unused tuple slot), as in tsc's noUnused* checks.
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
      // `async` without `await` is how the fakes and providers implement Promise-returning interfaces: a throw becomes a rejection.
      "@typescript-eslint/require-await": "off",
      // child_process's ExecException and ExecFileException are Errors, whose String() is "Error: <message>", like the Error the rule already allows.
      "@typescript-eslint/no-base-to-string": [
        "error",
        { ignoredTypeNames: ["Error", "RegExp", "URL", "URLSearchParams", "ExecException", "ExecFileException"] },
      ],
    },
  },
  {
    files: ["**/test/**/*.ts"],
    rules: {
      // chai's property assertions (`expect(x).to.be.empty`, `.to.be.true`) assert when read: they are not unused expressions.
      "@typescript-eslint/no-unused-expressions": "off",
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
