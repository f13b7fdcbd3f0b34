// The planner's specification: what the coder was asked to build and the tests it must pass.
import type { BuildSpec } from "@/lib/build/buildSpec.ts";

export function SpecView({ spec }: { spec: BuildSpec }) {
  return (
    <section data-testid="build-spec" className="flex flex-col gap-2 text-sm">
      <p>{spec.goal}</p>
      <code className="rounded bg-slate-100 px-2 py-1 font-mono text-xs dark:bg-slate-800">
        {spec.signature}
      </code>
      <div className="grid gap-3 sm:grid-cols-2">
        <div>
          <h4 className="text-xs font-semibold uppercase text-slate-500">Inputs → output</h4>
          <ul className="list-disc pl-5 text-xs">
            {spec.inputs.map((i) => (
              <li key={i.name}>
                <code>{i.name}</code>: {i.type} — {i.description}
              </li>
            ))}
            <li>
              returns {spec.output.type} — {spec.output.description}
            </li>
          </ul>
        </div>
        <div>
          <h4 className="text-xs font-semibold uppercase text-slate-500">Edge cases</h4>
          <ul className="list-disc pl-5 text-xs">
            {spec.edgeCases.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        </div>
      </div>
      <div>
        <h4 className="text-xs font-semibold uppercase text-slate-500">
          Test cases ({spec.complexity} task)
        </h4>
        <ul className="font-mono text-xs">
          {spec.tests.map((t) => (
            <li key={t.name}>
              {spec.functionName}({t.args.map((a) => JSON.stringify(a)).join(", ")}){" "}
              {"throws" in t ? "throws" : `→ ${JSON.stringify(t.expected)}`}{" "}
              <span className="font-sans text-slate-500">({t.name})</span>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
