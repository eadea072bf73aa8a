#pragma once
// Small random models and windows shared by the core tests. Deterministic for a seed.
#include "model/initialization.h"
#include "model/model.h"
#include "model/rng.h"
#include "model/sequence_workspace.h"

namespace lstm::test {

inline ModelConfig smallConfig(InputKind input, HeadKind head, int layers, int hidden = 4) {
  ModelConfig c;
  c.input = input;
  c.head = head;
  c.vocabSize = 5;
  c.embedDim = 3;
  c.inputSize = 4;
  c.hiddenSize = hidden;
  c.numLayers = layers;
  c.outputSize = 2;
  if (input == InputKind::Dense && head == HeadKind::Regression)
    c.vocabSize = 0;
  return c;
}

template <typename Scalar>
Parameters<Scalar> randomParameters(const ModelConfig &config, std::uint64_t seed, double scale = 1.0) {
  Parameters<Scalar> params(config);
  Rng rng(seed);
  initializeParameters(params, rng);
  // PyTorch's init keeps weights within ±1/√H; widen them so the gates leave their linear region.
  params.flat() *= Scalar(scale);
  return params;
}

// Random inputs, targets and (optionally) a non-zero initial state.
template <typename Scalar>
void fillRandomWindow(SequenceWorkspace<Scalar> &ws, std::uint64_t seed, bool randomInitialState) {
  const ModelConfig &c = ws.config();
  Rng rng(seed);
  for (auto &token : ws.tokens)
    token = std::int32_t(rng.below(std::uint64_t(c.vocabSize)));
  for (auto &target : ws.targetTokens)
    target = std::int32_t(rng.below(std::uint64_t(c.vocabSize)));
  for (auto &v : ws.denseInput.reshaped())
    v = Scalar(rng.normal());
  for (auto &v : ws.targetValues.reshaped())
    v = Scalar(rng.normal());
  ws.resetState();
  if (randomInitialState)
    for (int k = 0; k < c.numLayers; ++k) {
      for (auto &v : ws.initialHidden(k).reshaped())
        v = Scalar(rng.uniform(-0.9, 0.9));
      for (auto &v : ws.initialCell(k).reshaped())
        v = Scalar(rng.uniform(-2.0, 2.0));
    }
}

} // namespace lstm::test
