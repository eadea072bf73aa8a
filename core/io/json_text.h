#pragma once
// Fast JSON text output for large float arrays (traces, gradient dumps, interchange files), where building a
// QJsonDocument would cost more than the math. Floats use the shortest text that reads back to the same value.
#include "model/parameter_layout.h"

#include <span>
#include <string>
#include <string_view>

namespace lstm {

void appendJsonNumber(std::string &out, float value);  // non-finite → null
void appendJsonNumber(std::string &out, double value); // non-finite → null
void appendJsonArray(std::string &out, std::span<const float> values);
void appendJsonString(std::string &out, std::string_view utf8); // quotes and escapes
// A parameter block as a nested list in PyTorch's shape: (rows, cols) → [[…], …], a vector → […].
// `data` points at the block's first scalar in our column-major layout.
void appendTorchTensor(std::string &out, const ParameterBlock &block, const float *data);

} // namespace lstm
