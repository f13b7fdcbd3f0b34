// TypeScript (or ESM JavaScript) -> CommonJS in the parent, so the child needs no compiler and the
// sandbox's require() can hand out its own modules. Syntax errors are reported, not guessed around.
import ts from "typescript";

export interface Transpiled {
  code: string;
  errors: string[];
}

export function transpileForSandbox(fileName: string, source: string): Transpiled {
  const out = ts.transpileModule(source, {
    fileName,
    reportDiagnostics: true,
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2022,
      esModuleInterop: true,
      sourceMap: false,
      jsx: ts.JsxEmit.React,
    },
  });
  const errors = (out.diagnostics ?? []).map((d) => {
    const text = ts.flattenDiagnosticMessageText(d.messageText, "\n");
    if (!d.file || d.start === undefined) return `${fileName}: ${text}`;
    const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
    return `${fileName}:${line + 1}:${character + 1}: ${text}`;
  });
  return { code: out.outputText, errors };
}
