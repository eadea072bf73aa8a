#pragma once
// Models for the GUI tests: a random character model whose vocabulary covers a given text. Deterministic for a seed.
#include "model/initialization.h"
#include "model/model.h"
#include "model/rng.h"

#include <QString>

#include <memory>

namespace lstm::test {

// One-hot character model with `layers` × `hidden` units over the distinct characters of `alphabet`.
// scale > 1 widens PyTorch's initial weights so gates leave their linear region and the views have contrast.
inline std::shared_ptr<const Model> randomCharModel(const QString &alphabet, int hidden, int layers = 1,
                                                    std::uint64_t seed = 1, double scale = 3.0) {
  auto model = std::make_shared<Model>();
  const auto ucs4 = alphabet.toStdU32String();
  model->vocabulary = Vocabulary::fromText(ucs4);
  model->config.input = InputKind::OneHot;
  model->config.head = HeadKind::Softmax;
  model->config.vocabSize = model->vocabulary.size();
  model->config.hiddenSize = hidden;
  model->config.numLayers = layers;
  model->parameters = Parameters<float>(model->config);
  Rng rng(seed);
  initializeParameters(model->parameters, rng);
  model->parameters.flat() *= float(scale);
  return model;
}

inline const QString kTestAlphabet = QStringLiteral("abcdefghijklmnopqrstuvwxyz ,.()\n'\"ABCDEFGHIJKLMNOPQRSTUVWXYZ春眠不觉晓");

} // namespace lstm::test
