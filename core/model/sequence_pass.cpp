#include "sequence_pass.h"

#include "gate_math.h"

#include <cmath>
#include <limits>

namespace lstm {

namespace {

// Input projections of every step at once, plus both biases: gates(:, n) = W_ih·x_n + b_ih + b_hh.
// One-hot input is a column gather of W_ih; everything else is one (4H × X)·(X × N) GEMM.
template <typename Scalar>
void projectInputs(const Parameters<Scalar> &params, SequenceWorkspace<Scalar> &ws, int layer) {
  const ModelConfig &config = ws.config();
  auto &buffers = ws.layers[std::size_t(layer)];
  const auto wIh = params.weightIh(layer);
  const int N = ws.columns();
  buffers.biasSum = params.biasIh(layer) + params.biasHh(layer);
  if (layer > 0) {
    ws.plans.inputProjection.run(wIh, ws.layers[std::size_t(layer - 1)].hidden.rightCols(N), buffers.gates);
  } else if (config.input == InputKind::OneHot) {
    for (int n = 0; n < N; ++n)
      buffers.gates.col(n) = wIh.col(ws.tokens[std::size_t(n)]);
  } else if (config.input == InputKind::Embedding) {
    const auto embedding = params.embedding();
    for (int n = 0; n < N; ++n)
      ws.embedded.col(n) = embedding.col(ws.tokens[std::size_t(n)]);
    ws.plans.inputProjection.run(wIh, ws.embedded, buffers.gates);
  } else {
    ws.plans.inputProjection.run(wIh, ws.denseInput, buffers.gates);
  }
  buffers.gates.colwise() += buffers.biasSum;
}

template <typename Scalar>
void forwardLayer(const Parameters<Scalar> &params, SequenceWorkspace<Scalar> &ws, int layer) {
  const int H = ws.config().hiddenSize;
  const int B = ws.batch();
  auto &buf = ws.layers[std::size_t(layer)];
  const auto wHh = params.weightHh(layer);
  projectInputs(params, ws, layer);
  for (int t = 0; t < ws.steps() && !ws.cancelled(); ++t) {
    // Column blocks of step t. cells/hidden carry the initial state in their first B columns,
    // so h_{t−1} starts at column t·B and h_t at (t+1)·B.
    auto gates = buf.gates.middleCols(t * B, B);
    ws.plans.recurrent.run(wHh, buf.hidden.middleCols(t * B, B), gates, Scalar(1), true);
    activateGates(gates, H);
    updateCell(gates, buf.cells.middleCols(t * B, B), buf.cells.middleCols((t + 1) * B, B));
    updateHidden(gates, buf.cells.middleCols((t + 1) * B, B), buf.tanhCells.middleCols(t * B, B),
                 buf.hidden.middleCols((t + 1) * B, B));
  }
}

// Head forward; returns the summed loss. Softmax uses log-sum-exp so −log p stays finite and exact.
template <typename Scalar>
double forwardHead(const Parameters<Scalar> &params, SequenceWorkspace<Scalar> &ws) {
  const int N = ws.columns();
  const auto top = ws.layers.back().hidden.rightCols(N);
  ws.plans.head.run(params.headWeight(), top, ws.output);
  ws.output.colwise() += params.headBias();
  double loss = 0.0;
  if (ws.config().head == HeadKind::Softmax) {
    for (int n = 0; n < N; ++n) {
      const auto logits = ws.output.col(n);
      auto probabilities = ws.probabilities.col(n);
      const Scalar maxLogit = logits.maxCoeff();
      probabilities.array() = (logits.array() - maxLogit).exp();
      const Scalar sum = probabilities.sum();
      probabilities /= sum;
      loss += double(std::log(sum)) + double(maxLogit) - double(logits(ws.targetTokens[std::size_t(n)]));
    }
  } else {
    loss = double((ws.output - ws.targetValues).squaredNorm());
  }
  return loss;
}

template <typename Scalar>
void backwardHead(const Parameters<Scalar> &params, SequenceWorkspace<Scalar> &ws, Parameters<Scalar> &grads,
                  Scalar lossScale) {
  const int N = ws.columns();
  const auto top = ws.layers.back().hidden.rightCols(N);
  if (ws.config().head == HeadKind::Softmax) {
    // ∂(−log softmax(z)_y)/∂z = p − onehot(y)
    ws.dOutput = ws.probabilities;
    for (int n = 0; n < N; ++n)
      ws.dOutput(ws.targetTokens[std::size_t(n)], n) -= Scalar(1);
    ws.dOutput *= lossScale;
  } else {
    // ∂(y − ŷ)²/∂ŷ = 2(ŷ − y)
    ws.dOutput = (2 * lossScale) * (ws.output - ws.targetValues);
  }
  ws.plans.headWeightGradient.run(ws.dOutput, top, grads.headWeight(), Scalar(1), true); // dW_hy += dZ·hᵀ
  grads.headBias() += ws.dOutput.rowwise().sum();
  ws.plans.headInputGradient.run(params.headWeight(), ws.dOutput, ws.layers.back().dHidden); // dh = W_hyᵀ·dZ
}

template <typename Scalar>
void backwardLayer(const Parameters<Scalar> &params, SequenceWorkspace<Scalar> &ws, Parameters<Scalar> &grads,
                   int layer) {
  const ModelConfig &config = ws.config();
  const int H = config.hiddenSize;
  const int B = ws.batch();
  const int N = ws.columns();
  auto &buf = ws.layers[std::size_t(layer)];
  const auto wHh = params.weightHh(layer);
  ws.dhNext.setZero();
  ws.dcNext.setZero();
  for (int t = ws.steps() - 1; t >= 0 && !ws.cancelled(); --t) {
    const auto gates = buf.gates.middleCols(t * B, B);
    auto dGates = buf.dGates.middleCols(t * B, B);
    // h_t = o ⊙ tanh(c_t): dh reaches o directly and c_t through tanh; c_t also gets dc from step t+1.
    ws.dh = buf.dHidden.middleCols(t * B, B) + ws.dhNext;
    updateHiddenBackward(gates, buf.tanhCells.middleCols(t * B, B), ws.dh, ws.dcNext, ws.dc, dGates);
    // c_t = f ⊙ c_{t−1} + i ⊙ g
    updateCellBackward(gates, buf.cells.middleCols(t * B, B), ws.dc, dGates, ws.dcNext);
    gatePreactivationGradients(gates, dGates, H);
    // a_t = … + W_hh·h_{t−1}
    if (t > 0)
      ws.plans.recurrentBackward.run(wHh, dGates, ws.dhNext);
  }
  if (ws.cancelled())
    return;
  // Weight gradients of all steps in one GEMM each: Σ_t dA_t·h_{t−1}ᵀ, Σ_t dA_t·x_tᵀ.
  ws.plans.weightGradient.run(buf.dGates, buf.hidden.leftCols(N), grads.weightHh(layer), Scalar(1), true);
  buf.biasSum = buf.dGates.rowwise().sum(); // reused as scratch: both biases get the same gradient
  grads.biasIh(layer) += buf.biasSum;
  grads.biasHh(layer) += buf.biasSum;
  auto dWih = grads.weightIh(layer);
  if (layer > 0) {
    const auto below = ws.layers[std::size_t(layer - 1)].hidden.rightCols(N);
    ws.plans.weightGradient.run(buf.dGates, below, dWih, Scalar(1), true);
    // ∂loss/∂(input of this layer) = W_ihᵀ·dA: the gradient the layer below receives for its h_t.
    ws.plans.inputGradient.run(params.weightIh(layer), buf.dGates, ws.layers[std::size_t(layer - 1)].dHidden);
  } else if (config.input == InputKind::OneHot) {
    for (int n = 0; n < N; ++n)
      dWih.col(ws.tokens[std::size_t(n)]) += buf.dGates.col(n);
  } else if (config.input == InputKind::Embedding) {
    ws.plans.weightGradient.run(buf.dGates, ws.embedded, dWih, Scalar(1), true);
    // ∂loss/∂x_n = W_ihᵀ·dA_n, scattered back to the embedding column of token n.
    ws.plans.inputGradient.run(params.weightIh(0), buf.dGates, ws.dEmbedded);
    auto dEmbedding = grads.embedding();
    for (int n = 0; n < N; ++n)
      dEmbedding.col(ws.tokens[std::size_t(n)]) += ws.dEmbedded.col(n);
  } else {
    ws.plans.weightGradient.run(buf.dGates, ws.denseInput, dWih, Scalar(1), true);
  }
}

} // namespace

template <typename Scalar>
double forwardPass(const Parameters<Scalar> &params, SequenceWorkspace<Scalar> &ws) {
  for (int layer = 0; layer < ws.config().numLayers && !ws.cancelled(); ++layer)
    forwardLayer(params, ws, layer);
  return ws.cancelled() ? std::numeric_limits<double>::quiet_NaN() : forwardHead(params, ws);
}

template <typename Scalar>
void backwardPass(const Parameters<Scalar> &params, SequenceWorkspace<Scalar> &ws, Parameters<Scalar> &grads,
                  Scalar lossScale) {
  if (ws.cancelled())
    return;
  backwardHead(params, ws, grads, lossScale);
  for (int layer = ws.config().numLayers - 1; layer >= 0 && !ws.cancelled(); --layer)
    backwardLayer(params, ws, grads, layer);
}

double lossNormalizer(const ModelConfig &config, std::int64_t columns) {
  return config.head == HeadKind::Softmax ? double(columns) : double(columns) * config.outputSize;
}

template double forwardPass(const Parameters<float> &, SequenceWorkspace<float> &);
template double forwardPass(const Parameters<double> &, SequenceWorkspace<double> &);
template void backwardPass(const Parameters<float> &, SequenceWorkspace<float> &, Parameters<float> &, float);
template void backwardPass(const Parameters<double> &, SequenceWorkspace<double> &, Parameters<double> &, double);

} // namespace lstm
