// A small typed helper over onnx-proto's generated protobuf classes: add initializers and nodes, get the
// encoded ModelProto bytes that onnxruntime loads.
import onnxProto, { type onnx } from "onnx-proto";

// A CommonJS package whose names Node cannot see statically: take them from its default export.
const { onnx: proto } = onnxProto;

type Attribute = number | number[] | { float: number };

export class OnnxGraphBuilder {
  private readonly nodes: onnx.INodeProto[] = [];
  private readonly initializers: onnx.ITensorProto[] = [];
  private counter = 0;

  /** A float32 constant tensor; returns its name. */
  floats(name: string, dims: number[], data: Float32Array): string {
    const raw = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    this.initializers.push({ name, dims, dataType: proto.TensorProto.DataType.FLOAT, rawData: raw });
    return name;
  }

  /** An int64 constant tensor (shapes, axes, ids); returns its name. */
  int64s(name: string, dims: number[], values: number[]): string {
    const data = BigInt64Array.from(values, (v) => BigInt(v));
    const raw = new Uint8Array(data.buffer);
    this.initializers.push({ name, dims, dataType: proto.TensorProto.DataType.INT64, rawData: raw });
    return name;
  }

  /** Adds a node with one output and returns the output's name. */
  op(opType: string, inputs: string[], attributes: Record<string, Attribute> = {}): string {
    return this.opN(opType, inputs, 1, attributes)[0] as string;
  }

  /** Adds a node with `outputs` outputs and returns their names. */
  opN(
    opType: string,
    inputs: string[],
    outputs: number,
    attributes: Record<string, Attribute> = {},
  ): string[] {
    const name = `${opType}_${this.counter++}`;
    const output = Array.from({ length: outputs }, (_, i) => `${name}:${i}`);
    const attribute = Object.entries(attributes).map(([key, value]): onnx.IAttributeProto => {
      if (Array.isArray(value))
        return { name: key, type: proto.AttributeProto.AttributeType.INTS, ints: value };
      if (typeof value === "number")
        return { name: key, type: proto.AttributeProto.AttributeType.INT, i: value };
      return { name: key, type: proto.AttributeProto.AttributeType.FLOAT, f: value.float };
    });
    this.nodes.push({ name, opType, input: inputs, output, attribute });
    return output;
  }

  /** Names the graph's one input and one output (dims: a string is a symbolic size). */
  encode(options: {
    input: { name: string; elemType: number; dims: (number | string)[] };
    output: { name: string; from: string; dims: (number | string)[] };
    opset: number;
  }): Uint8Array {
    const valueInfo = (name: string, elemType: number, dims: (number | string)[]): onnx.IValueInfoProto => ({
      name,
      type: {
        tensorType: {
          elemType,
          shape: { dim: dims.map((d) => (typeof d === "string" ? { dimParam: d } : { dimValue: d })) },
        },
      },
    });
    this.nodes.push({
      name: "output",
      opType: "Identity",
      input: [options.output.from],
      output: [options.output.name],
    });
    const model = proto.ModelProto.create({
      irVersion: 8,
      producerName: "@switchyard/local-provider",
      opsetImport: [{ domain: "", version: options.opset }],
      graph: {
        name: "graph",
        node: this.nodes,
        initializer: this.initializers,
        input: [valueInfo(options.input.name, options.input.elemType, options.input.dims)],
        output: [valueInfo(options.output.name, proto.TensorProto.DataType.FLOAT, options.output.dims)],
      },
    });
    return proto.ModelProto.encode(model).finish();
  }
}
