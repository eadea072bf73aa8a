#include "example_lesson.h"

namespace lstm {

bool parseQuantity(const QString &text, Quantity &out) {
  for (int q = 0; q < kQuantityCount; ++q)
    if (text == QLatin1String(toString(Quantity(q)))) {
      out = Quantity(q);
      return true;
    }
  return false;
}

QJsonObject ExampleLesson::toJson() const {
  QJsonObject json{{QStringLiteral("title"), title},
                   {QStringLiteral("summary"), summary},
                   {QStringLiteral("primer"), primer}};
  if (hasUnit()) {
    json[QStringLiteral("layer")] = layer;
    json[QStringLiteral("unit")] = unit;
    json[QStringLiteral("quantity")] = QLatin1String(toString(quantity));
  }
  if (!feature.isEmpty())
    json[QStringLiteral("feature")] = feature;
  if (correlation != 0.0)
    json[QStringLiteral("correlation")] = correlation;
  if (!command.isEmpty())
    json[QStringLiteral("command")] = command;
  return json;
}

std::optional<ExampleLesson> ExampleLesson::fromJson(const QJsonObject &json, Problem *problem) {
  const auto fail = [&](Problem what) -> std::optional<ExampleLesson> {
    report(problem, std::move(what));
    return std::nullopt;
  };
  ExampleLesson lesson;
  lesson.title = json.value(QStringLiteral("title")).toString();
  if (lesson.title.isEmpty())
    return fail(Problem(ProblemCode::ExampleLessonNoTitle));
  lesson.summary = json.value(QStringLiteral("summary")).toString();
  lesson.primer = json.value(QStringLiteral("primer")).toString();
  lesson.feature = json.value(QStringLiteral("feature")).toString();
  lesson.correlation = json.value(QStringLiteral("correlation")).toDouble(0.0);
  lesson.command = json.value(QStringLiteral("command")).toString();
  const bool hasLayer = json.contains(QStringLiteral("layer")), hasUnit = json.contains(QStringLiteral("unit"));
  if (hasLayer != hasUnit)
    return fail(Problem(ProblemCode::ExampleLessonHalfUnit));
  if (hasUnit) {
    lesson.layer = json.value(QStringLiteral("layer")).toInt(-1);
    lesson.unit = json.value(QStringLiteral("unit")).toInt(-1);
    if (lesson.layer < 0 || lesson.unit < 0)
      return fail(Problem(ProblemCode::ExampleLessonNegativeUnit));
    const QString quantity = json.value(QStringLiteral("quantity")).toString(QStringLiteral("c"));
    if (!parseQuantity(quantity, lesson.quantity))
      return fail(Problem(ProblemCode::ExampleLessonQuantity).withValue(quantity));
  }
  return lesson;
}

std::optional<ExampleLesson> ExampleLesson::of(const Model &model, Problem *problem) {
  const QJsonValue value = model.metadata.value(QStringLiteral("lesson"));
  if (!value.isObject()) {
    report(problem, Problem(ProblemCode::ExampleLessonMissing));
    return std::nullopt;
  }
  auto lesson = fromJson(value.toObject(), problem);
  if (lesson && lesson->hasUnit() &&
      (lesson->layer >= model.config.numLayers || lesson->unit >= model.config.hiddenSize)) {
    report(problem, Problem(ProblemCode::ExampleLessonOutside,
                            {QString::number(lesson->unit), QString::number(lesson->layer),
                             QString::number(model.config.numLayers), QString::number(model.config.hiddenSize)}));
    return std::nullopt;
  }
  return lesson;
}

} // namespace lstm
