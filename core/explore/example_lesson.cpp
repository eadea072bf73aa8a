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

std::optional<ExampleLesson> ExampleLesson::fromJson(const QJsonObject &json, QString *problem) {
  const auto fail = [&](const QString &what) -> std::optional<ExampleLesson> {
    if (problem)
      *problem = what;
    return std::nullopt;
  };
  ExampleLesson lesson;
  lesson.title = json.value(QStringLiteral("title")).toString();
  if (lesson.title.isEmpty())
    return fail(QStringLiteral("the lesson has no title"));
  lesson.summary = json.value(QStringLiteral("summary")).toString();
  lesson.primer = json.value(QStringLiteral("primer")).toString();
  lesson.feature = json.value(QStringLiteral("feature")).toString();
  lesson.correlation = json.value(QStringLiteral("correlation")).toDouble(0.0);
  lesson.command = json.value(QStringLiteral("command")).toString();
  const bool hasLayer = json.contains(QStringLiteral("layer")), hasUnit = json.contains(QStringLiteral("unit"));
  if (hasLayer != hasUnit)
    return fail(QStringLiteral("the lesson gives a layer without a unit, or a unit without a layer"));
  if (hasUnit) {
    lesson.layer = json.value(QStringLiteral("layer")).toInt(-1);
    lesson.unit = json.value(QStringLiteral("unit")).toInt(-1);
    if (lesson.layer < 0 || lesson.unit < 0)
      return fail(QStringLiteral("the lesson's layer and unit must be non-negative integers"));
    const QString quantity = json.value(QStringLiteral("quantity")).toString(QStringLiteral("c"));
    if (!parseQuantity(quantity, lesson.quantity))
      return fail(QStringLiteral("the lesson's quantity \"%1\" is not one of i, f, g, o, c, h").arg(quantity));
  }
  return lesson;
}

std::optional<ExampleLesson> ExampleLesson::of(const Model &model, QString *problem) {
  const QJsonValue value = model.metadata.value(QStringLiteral("lesson"));
  if (!value.isObject()) {
    if (problem)
      *problem = QStringLiteral("the model has no lesson");
    return std::nullopt;
  }
  auto lesson = fromJson(value.toObject(), problem);
  if (lesson && lesson->hasUnit() &&
      (lesson->layer >= model.config.numLayers || lesson->unit >= model.config.hiddenSize)) {
    if (problem)
      *problem = QStringLiteral("the lesson's unit %1 of layer %2 is outside the model (%3 layers of %4 units)")
                     .arg(lesson->unit).arg(lesson->layer).arg(model.config.numLayers).arg(model.config.hiddenSize);
    return std::nullopt;
  }
  return lesson;
}

} // namespace lstm
