#pragma once
// The PyTorch interchange file (docs/pytorch-interchange.md): the state_dict of a module with submodules
// `embedding` (optional), `lstm` (nn.LSTM) and `head` (nn.Linear), as nested JSON lists, plus the vocabulary:
//   {"format":"lstm-explorer/pytorch-lstm-v1","vocab":["a",…],"state_dict":{"lstm.weight_ih_l0":[[…]],…}}
// nn.LSTM already uses our gate order (i, f, g, o), so tensors map one to one onto the parameter layout.
#include "common/problem.h"
#include "model/model.h"

#include <QByteArray>
#include <QString>

#include <optional>
#include <string>

namespace lstm {

inline constexpr char kPytorchInterchangeFormat[] = "lstm-explorer/pytorch-lstm-v1";

// Reads an interchange file into a softmax language model. On failure sets `problem` (file = path).
std::optional<Model> importPytorchInterchange(const QString &path, Problem *problem);
std::optional<Model> parsePytorchInterchange(const QByteArray &json, Problem *problem);

// The interchange text of a token model with a softmax head (the inverse of parse).
std::string exportPytorchInterchange(const Model &model);

} // namespace lstm
