#include "example_lesson.h"

#include "io/model_metadata.h"

namespace lstm {

bool parseQuantity(const QString &text, Quantity &out) {
  for (int q = 0; q < kQuantityCount; ++q)
    if (text == QLatin1String(toString(Quantity(q)))) {
      out = Quantity(q);
      return true;
    }
  return false;
}

std::optional<ExampleLesson> ExampleLesson::of(const Model &model, Problem *problem) {
  const ModelMetadata metadata = readMetadata(model.metadata);
  if (!metadata.lesson) {
    report(problem, metadata.lessonProblem.isSet() ? metadata.lessonProblem : Problem(ProblemCode::ExampleLessonMissing));
    return std::nullopt;
  }
  const ExampleLesson &lesson = *metadata.lesson;
  if (lesson.hasUnit() && (lesson.layer >= model.config.numLayers || lesson.unit >= model.config.hiddenSize)) {
    report(problem, Problem(ProblemCode::ExampleLessonOutside,
                            {QString::number(lesson.unit), QString::number(lesson.layer),
                             QString::number(model.config.numLayers), QString::number(model.config.hiddenSize)}));
    return std::nullopt;
  }
  return lesson;
}

} // namespace lstm
