#include "model.h"

#include "common/problem.h"

namespace lstm {

bool Model::checkConsistency(Problem *problem) const {
  if (!config.validate(problem))
    return false;
  const bool needsVocabulary = config.usesTokens() || config.head == HeadKind::Softmax;
  if (needsVocabulary && vocabulary.size() != config.vocabSize)
    return report(problem, Problem(ProblemCode::ModelVocabularyMismatch)
                               .withValue(QString::number(vocabulary.size()))
                               .withLimit(QString::number(config.vocabSize)));
  if (!(parameters.config() == config) || parameters.size() != config.parameterCount())
    return report(problem, Problem(ProblemCode::ModelParameterShape));
  return true;
}

} // namespace lstm
