#pragma once
// Hyper-parameters that fix the shape of a model: what it reads, how big it is, what it predicts.
#include <cstdint>
#include <string>

namespace lstm {

struct Problem;

enum class InputKind {
  OneHot,    // token ids; layer 0 sees a one-hot vector, X = V (implemented as a column gather of W_ih)
  Embedding, // token ids; layer 0 sees a learned vector, X = E
  Dense,     // real vectors of width X (time series)
};

enum class HeadKind {
  Softmax,    // O = V classes, mean cross-entropy
  Regression, // O = D outputs, mean squared error
};

struct ModelConfig {
  InputKind input = InputKind::OneHot;
  HeadKind head = HeadKind::Softmax;
  int vocabSize = 0;  // V: token ids (OneHot, Embedding) and/or softmax classes
  int inputSize = 0;  // X of layer 0 for Dense input
  int embedDim = 0;   // E for Embedding input
  int hiddenSize = 0; // H
  int numLayers = 1;  // L
  int outputSize = 0; // D for a Regression head

  // Upper bounds that keep a hostile file or a typo from asking for absurd memory.
  static constexpr int kMaxHidden = 16384;
  static constexpr int kMaxLayers = 64;
  static constexpr int kMaxVocab = 0x110000; // every Unicode code point
  static constexpr int kMaxWidth = 1 << 20;  // E, X, D
  static constexpr std::int64_t kMaxParameters = std::int64_t(1) << 31;

  bool usesTokens() const { return input != InputKind::Dense; }
  int layerInputWidth(int layer) const; // X of `layer`: V, E, X0 for layer 0, H above
  int outputWidth() const;              // O
  // True when the configuration is usable; otherwise false and `problem` names the setting and its bounds.
  bool validate(Problem *problem = nullptr) const;
  // Number of scalars in the flat parameter buffer; -1 if it would exceed kMaxParameters (never overflows).
  std::int64_t parameterCount() const;

  bool operator==(const ModelConfig &) const = default;
};

const char *toString(InputKind kind);
const char *toString(HeadKind kind);
bool parseInputKind(const std::string &text, InputKind &out);
bool parseHeadKind(const std::string &text, HeadKind &out);

} // namespace lstm
