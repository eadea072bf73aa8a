#include "model_config.h"

#include "common/problem.h"

namespace lstm {

int ModelConfig::layerInputWidth(int layer) const {
  if (layer > 0)
    return hiddenSize;
  switch (input) {
  case InputKind::OneHot: return vocabSize;
  case InputKind::Embedding: return embedDim;
  case InputKind::Dense: return inputSize;
  }
  return 0;
}

int ModelConfig::outputWidth() const { return head == HeadKind::Softmax ? vocabSize : outputSize; }

namespace {
bool outOfRange(Problem *problem, ProblemCode code, long long value, long long lo, long long hi) {
  return report(problem,
                Problem(code, {QString::number(lo)}).withValue(QString::number(value)).withLimit(QString::number(hi)));
}
} // namespace

bool ModelConfig::validate(Problem *problem) const {
  if (hiddenSize < 1 || hiddenSize > kMaxHidden)
    return outOfRange(problem, ProblemCode::ConfigHiddenSize, hiddenSize, 1, kMaxHidden);
  if (numLayers < 1 || numLayers > kMaxLayers)
    return outOfRange(problem, ProblemCode::ConfigLayers, numLayers, 1, kMaxLayers);
  if (usesTokens() && (vocabSize < 1 || vocabSize > kMaxVocab))
    return outOfRange(problem, ProblemCode::ConfigVocabularySize, vocabSize, 1, kMaxVocab);
  if (input == InputKind::Embedding && (embedDim < 1 || embedDim > kMaxWidth))
    return outOfRange(problem, ProblemCode::ConfigEmbeddingSize, embedDim, 1, kMaxWidth);
  if (input == InputKind::Dense && (inputSize < 1 || inputSize > kMaxWidth))
    return outOfRange(problem, ProblemCode::ConfigInputSize, inputSize, 1, kMaxWidth);
  if (head == HeadKind::Softmax && (vocabSize < 2 || vocabSize > kMaxVocab))
    return outOfRange(problem, ProblemCode::ConfigClasses, vocabSize, 2, kMaxVocab);
  if (head == HeadKind::Regression && (outputSize < 1 || outputSize > kMaxWidth))
    return outOfRange(problem, ProblemCode::ConfigOutputs, outputSize, 1, kMaxWidth);
  if (parameterCount() < 0)
    return report(problem, Problem(ProblemCode::ConfigTooManyParameters).withLimit(QString::number(kMaxParameters)));
  return true;
}

std::int64_t ModelConfig::parameterCount() const {
  // Every factor is bounded by the k* limits (< 2^21), so products of two fit easily in 64 bits.
  const std::int64_t H = hiddenSize;
  std::int64_t total = 0;
  if (input == InputKind::Embedding)
    total += std::int64_t(vocabSize) * embedDim;
  for (int layer = 0; layer < numLayers; ++layer) {
    total += 4 * H * (layerInputWidth(layer) + H) + 8 * H;
    if (total > kMaxParameters)
      return -1;
  }
  total += std::int64_t(outputWidth()) * (H + 1);
  return total > kMaxParameters ? -1 : total;
}

const char *toString(InputKind kind) {
  switch (kind) {
  case InputKind::OneHot: return "onehot";
  case InputKind::Embedding: return "embedding";
  case InputKind::Dense: return "dense";
  }
  return "?";
}

const char *toString(HeadKind kind) { return kind == HeadKind::Softmax ? "softmax" : "regression"; }

bool parseInputKind(const std::string &text, InputKind &out) {
  for (InputKind k : {InputKind::OneHot, InputKind::Embedding, InputKind::Dense})
    if (text == toString(k)) {
      out = k;
      return true;
    }
  return false;
}

bool parseHeadKind(const std::string &text, HeadKind &out) {
  for (HeadKind k : {HeadKind::Softmax, HeadKind::Regression})
    if (text == toString(k)) {
      out = k;
      return true;
    }
  return false;
}

} // namespace lstm
