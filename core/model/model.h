#pragma once
// A complete model: its shape, its vocabulary (token models), its float parameters and free metadata.
// This is what files hold and what the stepper and trainer share (by copy or shared_ptr<const Model>).
#include "common/problem.h"
#include "data/vocabulary.h"
#include "model_config.h"
#include "parameters.h"

#include <QJsonObject>

namespace lstm {

struct Model {
  ModelConfig config;
  Vocabulary vocabulary;       // size V when config.usesTokens() or the head is Softmax; empty otherwise
  Parameters<float> parameters;
  QJsonObject metadata;        // free key/values (description, corpus, training history …)

  // True when config, vocabulary and parameters agree; otherwise false with the first inconsistency in `problem`.
  bool checkConsistency(Problem *problem = nullptr) const;
};

} // namespace lstm
