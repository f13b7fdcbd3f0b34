// Universal Sentence Encoder lite's forward pass written as an ONNX graph, from the weights of the
// TensorFlow.js graph. The TF graph keeps only real tokens (gather, compute, scatter back); here the batch
// is dense [batch, tokens] padded with -1 and padding is masked instead, which gives the same numbers:
// padded keys get a -1e9 attention bias (weight exactly 0) and padded positions are left out of the mean.
import onnxProto from "onnx-proto";

const { DataType } = onnxProto.onnx.TensorProto;

import { OnnxGraphBuilder } from "./onnxGraphBuilder.ts";
import type { Weight } from "./useLiteModelFiles.ts";

/** The graph reads at most this many tokens per text (its ClipToMaxLength). */
export const USE_LITE_MAX_TOKENS = 128;
/** Token id that marks padding in the input. */
export const USE_LITE_PADDING_ID = -1;

const apply = "module_apply_default/Encoder_en/KonaTransformer/Encode";
const variables = "module/Encoder_en/KonaTransformer/Encode";

function take(weights: Map<string, Weight>, name: string): Weight {
  const w = weights.get(name);
  if (!w) throw new Error(`USE lite weights: missing ${name}`);
  return w;
}

function scalar(weights: Map<string, Weight>, name: string): number {
  return take(weights, name).data[0] as number;
}

function floatWeight(weights: Map<string, Weight>, name: string): Float32Array {
  const { data } = take(weights, name);
  if (!(data instanceof Float32Array)) throw new Error(`USE lite weights: ${name} is not float32`);
  return data;
}

/** sin/cos position signal for every position the graph can see, computed in double and rounded once. */
function timingSignal(inverseTimescales: Float32Array): Float32Array {
  const channels = inverseTimescales.length;
  const table = new Float32Array(USE_LITE_MAX_TOKENS * channels * 2);
  for (let position = 0; position < USE_LITE_MAX_TOKENS; position++) {
    for (let c = 0; c < channels; c++) {
      const angle = Math.fround(position * (inverseTimescales[c] as number));
      table[position * channels * 2 + c] = Math.sin(angle);
      table[position * channels * 2 + channels + c] = Math.cos(angle);
    }
  }
  return table;
}

/** Encodes the model as ONNX bytes: input token_ids int64 [batch, tokens], output embeddings [batch, 512]. */
export function buildUseLiteOnnxModel(weights: Map<string, Weight>): Uint8Array {
  const g = new OnnxGraphBuilder();
  const w = (name: string) => {
    const { shape } = take(weights, name);
    // 1×1 convolution kernels [1, 1, in, out] are plain matrices.
    const dims = shape.length === 4 ? shape.slice(2) : shape;
    return g.floats(name, dims, floatWeight(weights, name));
  };
  const f = (name: string, value: number) => g.floats(name, [], new Float32Array([value]));

  const epsilon = scalar(
    weights,
    `${apply}/TransformerStack/Layer_1/TransformerLayer/FFN/layer_prepostprocess/layer_norm/Cast/x`,
  );
  const heads = scalar(
    weights,
    `${apply}/TransformerStack/Layer_1/TransformerLayer/MultiheadAttention/split_heads/split_last_dimension/Reshape/shape/2`,
  );
  const maskBias = scalar(
    weights,
    `${apply}/TransformerStack/Layer_1/TransformerLayer/MultiheadAttention/DotProductAttention/attention_bias_ignore_padding/mul/y`,
  );
  const embeddingTable = floatWeight(weights, "module/Embeddings_en");
  const inverseTimescales = floatWeight(
    weights,
    `${apply}/TransformerStack/Layer_0/AddTimingSignal/TimingSignal/ExpandDims_1`,
  );
  const channels = inverseTimescales.length * 2;

  const tokenIds = "token_ids";
  const axisLast = g.int64s("axis_last", [1], [-1]);
  const axis1 = g.int64s("axis_1", [1], [1]);
  const axes12 = g.int64s("axes_1_2", [2], [1, 2]);
  const zero = g.int64s("zero", [1], [0]);

  // Masks: 1 where a token is, 0 on padding; attention bias -1e9 on padded keys.
  const present = g.op("Greater", [tokenIds, g.int64s("padding_id", [], [USE_LITE_PADDING_ID])]);
  const mask = g.op("Cast", [present], { to: DataType.FLOAT });
  const mask3 = g.op("Unsqueeze", [mask, axisLast]);
  const absent = g.op("Cast", [g.op("Not", [present])], { to: DataType.FLOAT });
  const bias = g.op("Unsqueeze", [g.op("Mul", [absent, f("mask_bias", maskBias)]), axes12]);

  // Token embeddings plus the timing signal, added the way the TF graph adds them: x + (x + signal).
  const ids = g.op("Max", [tokenIds, g.int64s("zero_id", [], [0])]);
  const embedded = g.op("Mul", [
    g.op(
      "Gather",
      [g.floats("token_embeddings", [embeddingTable.length / channels, channels], embeddingTable), ids],
      { axis: 0 },
    ),
    mask3,
  ]);
  const length = g.op("Shape", [tokenIds], { start: 1, end: 2 });
  const timing = g.op("Slice", [
    g.floats("timing_signal", [USE_LITE_MAX_TOKENS, channels], timingSignal(inverseTimescales)),
    zero,
    length,
    zero,
  ]);
  const withTiming = g.op("Mul", [g.op("Add", [embedded, timing]), mask3]);
  let x = g.op("Add", [embedded, withTiming]);

  const dense = (input: string, kernel: string, biasName: string) =>
    g.op("Add", [g.op("MatMul", [input, w(kernel)]), w(biasName)]);
  const layerNorm = (input: string, prefix: string) =>
    g.op(
      "LayerNormalization",
      [
        input,
        w(`${prefix}/layer_norm/layer_norm_scale/ConcatPartitions/concat`),
        w(`${prefix}/layer_norm/layer_norm_bias/ConcatPartitions/concat`),
      ],
      {
        axis: -1,
        epsilon: { float: epsilon },
      },
    );

  for (const layer of [0, 1]) {
    const params = `${apply}/Layer_${layer}/TransformerLayer`;
    const stack = `${apply}/TransformerStack/Layer_${layer}/TransformerLayer`;
    const vars = `${variables}/Layer_${layer}/TransformerLayer`;
    const depth = scalar(
      weights,
      `${stack}/MultiheadAttention/split_heads/split_last_dimension/Reshape/shape/3`,
    );
    const width = heads * depth;

    // Self-attention on the normalised input.
    const normed = layerNorm(x, `${params}/layer_prepostprocess`);
    const qkv = dense(
      normed,
      `${vars}/MultiheadAttention/qkv_transform_single/kernel/part_0`,
      `${params}/MultiheadAttention/qkv_transform_single/bias/ConcatPartitions/concat`,
    );
    const [q, k, v] = g.opN("Split", [qkv, g.int64s(`split_${layer}`, [3], [width, width, width])], 3, {
      axis: 2,
    }) as [string, string, string];
    const headShape = g.int64s(`head_shape_${layer}`, [4], [0, 0, heads, depth]);
    const split = (t: string, perm: number[]) =>
      g.op("Transpose", [g.op("Reshape", [t, headShape])], { perm });
    const scaled = g.op("Mul", [
      split(q, [0, 2, 1, 3]),
      f(`scale_${layer}`, scalar(weights, `${stack}/MultiheadAttention/mul/y`)),
    ]);
    const logits = g.op("Add", [g.op("MatMul", [scaled, split(k, [0, 2, 3, 1])]), bias]);
    const attended = g.op("MatMul", [g.op("Softmax", [logits], { axis: -1 }), split(v, [0, 2, 1, 3])]);
    const combined = g.op("Reshape", [
      g.op("Transpose", [attended], { perm: [0, 2, 1, 3] }),
      g.int64s(`combined_shape_${layer}`, [3], [0, 0, width]),
    ]);
    const attention = dense(
      combined,
      `${vars}/MultiheadAttention/output_transform_single/kernel/part_0`,
      `${params}/MultiheadAttention/output_transform_single/bias/ConcatPartitions/concat`,
    );
    // The first layer widens the residual (256 -> 512) with a dense projection.
    const residual =
      layer === 0
        ? dense(
            x,
            `${params}/dense/kernel/ConcatPartitions/concat`,
            `${params}/dense/bias/ConcatPartitions/concat`,
          )
        : x;
    x = g.op("Add", [attention, residual]);

    // Feed-forward block.
    const ffnIn = layerNorm(x, `${params}/FFN/layer_prepostprocess`);
    const hidden = g.op("Relu", [
      dense(
        ffnIn,
        `${stack}/FFN/conv1/Tensordot/Reshape_1`,
        `${params}/FFN/conv1/bias/ConcatPartitions/concat`,
      ),
    ]);
    x = g.op("Add", [
      dense(
        hidden,
        `${stack}/FFN/conv2/Tensordot/Reshape_1`,
        `${params}/FFN/conv2/bias/ConcatPartitions/concat`,
      ),
      x,
    ]);
  }

  // Mean over real tokens (an empty text divides a zero sum by 1), tanh layer, L2 normalisation.
  const summed = g.op("ReduceSum", [g.op("Mul", [x, mask3]), axis1], { keepdims: 0 });
  const count = g.op("Max", [g.op("ReduceSum", [mask, axis1], { keepdims: 1 }), f("one", 1)]);
  const pooled = g.op("Div", [summed, count]);
  const hiddenLayer = "module/Encoder_en/hidden_layers/tanh_layer_0";
  const tanh = g.op("Tanh", [dense(pooled, `${hiddenLayer}/weights`, `${hiddenLayer}/bias`)]);
  const squares = g.op("ReduceSum", [g.op("Mul", [tanh, tanh]), axis1], { keepdims: 1 });
  const floor = f(
    "l2_floor",
    scalar(weights, "module_apply_default/Encoder_en/hidden_layers/l2_normalize/Maximum/y"),
  );
  const inverseNorm = g.op("Reciprocal", [g.op("Sqrt", [g.op("Max", [squares, floor])])]);
  const normalised = g.op("Mul", [tanh, inverseNorm]);

  return g.encode({
    input: { name: tokenIds, elemType: DataType.INT64, dims: ["batch", "tokens"] },
    output: {
      name: "embeddings",
      from: normalised,
      dims: ["batch", take(weights, `${hiddenLayer}/bias`).shape[0] as number],
    },
    opset: 17,
  });
}
