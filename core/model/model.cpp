#include "model.h"

#include "common/problem.h"

namespace lstm {

std::string Model::checkConsistency() const {
  if (Problem problem; !config.validate(&problem))
    return problemInEnglish(problem).toStdString(); // an internal invariant: never shown as such
  const bool needsVocabulary = config.usesTokens() || config.head == HeadKind::Softmax;
  if (needsVocabulary && vocabulary.size() != config.vocabSize)
    return "the vocabulary has " + std::to_string(vocabulary.size()) + " symbols but the model expects " +
           std::to_string(config.vocabSize);
  if (!(parameters.config() == config) || parameters.size() != config.parameterCount())
    return "the parameter buffer does not match the model's shape";
  return {};
}

} // namespace lstm
