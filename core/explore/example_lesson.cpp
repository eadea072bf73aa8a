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

std::optional<ExampleLesson> ExampleLesson::of(const Model &model, QString *problem) {
  const ModelMetadata metadata = readMetadata(model.metadata);
  if (!metadata.lesson) {
    if (problem)
      *problem = metadata.lessonProblem.isEmpty() ? QStringLiteral("the model has no lesson") : metadata.lessonProblem;
    return std::nullopt;
  }
  const ExampleLesson &lesson = *metadata.lesson;
  if (lesson.hasUnit() && (lesson.layer >= model.config.numLayers || lesson.unit >= model.config.hiddenSize)) {
    if (problem)
      *problem = QStringLiteral("the lesson's unit %1 of layer %2 is outside the model (%3 layers of %4 units)")
                     .arg(lesson.unit).arg(lesson.layer).arg(model.config.numLayers).arg(model.config.hiddenSize);
    return std::nullopt;
  }
  return lesson;
}

} // namespace lstm
