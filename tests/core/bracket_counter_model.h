#pragma once
// A hand-built LSTM whose unit 2 is an exact bracket counter, for the unit discovery tests (core and panel): what
// rankUnits must find first, with an answer known by construction.
#include "model/initialization.h"
#include "model/model.h"
#include "model/rng.h"

#include <memory>

namespace lstm::test {

inline constexpr int kCounter = 2;  // the unit that counts brackets
inline constexpr int kClosed = 1;   // the unit whose output gate is forced shut

// One-hot over "()ab\n", 1 layer, H = 4, small random weights, except: unit 2 has i ≈ f ≈ 1 (bias 20), no
// recurrent input, and candidate pre-activation +k for '(' and −k for ')', so c_t = tanh(k)·depth exactly;
// unit 1's output gate has bias −20 and nothing else, so o ≈ 0 at every step.
inline std::shared_ptr<const Model> bracketCounterModel(float k = 0.01f) {
  auto model = std::make_shared<Model>();
  model->vocabulary = *Vocabulary::create({U'(', U')', U'a', U'b', U'\n'});
  model->config.input = InputKind::OneHot;
  model->config.head = HeadKind::Softmax;
  model->config.vocabSize = 5;
  model->config.hiddenSize = 4;
  model->config.numLayers = 1;
  Parameters<float> &p = model->parameters = Parameters<float>(model->config);
  Rng rng(7);
  initializeParameters(p, rng);
  const int h = 4;
  for (int gate = 0; gate < 4; ++gate) { // rows i, f, g, o of unit 2
    const int row = gate * h + kCounter;
    p.weightIh(0).row(row).setZero();
    p.weightHh(0).row(row).setZero();
    p.biasIh(0)(row) = gate < 2 ? 20.0f : 0.0f;
    p.biasHh(0)(row) = 0.0f;
  }
  p.weightIh(0)(2 * h + kCounter, 0) = k;  // '('
  p.weightIh(0)(2 * h + kCounter, 1) = -k; // ')'
  const int closedRow = 3 * h + kClosed;
  p.weightIh(0).row(closedRow).setZero();
  p.weightHh(0).row(closedRow).setZero();
  p.biasIh(0)(closedRow) = -20.0f;
  p.biasHh(0)(closedRow) = 0.0f;
  return model;
}

} // namespace lstm::test
