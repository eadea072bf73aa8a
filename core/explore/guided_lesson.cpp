#include "guided_lesson.h"

#include "example_lesson.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>
#include <limits>

namespace lstm {

QString LocalizedText::in(const QString &language) const {
  const auto find = [this](const auto &matches) -> const QString * {
    for (const auto &[code, text] : texts)
      if (matches(code))
        return &text;
    return nullptr;
  };
  const QString base = language.section(QLatin1Char('_'), 0, 0);
  for (const QString *found :
       {find([&](const QString &code) { return code == language; }),
        find([&](const QString &code) { return !base.isEmpty() && code.section(QLatin1Char('_'), 0, 0) == base; }),
        find([](const QString &code) { return code == QLatin1String("en"); }),
        find([](const QString &code) { return code.isEmpty(); })})
    if (found)
      return *found;
  return texts.empty() ? QString() : texts.front().second;
}

QString currentLessonLanguage() {
  return QLocale().name().startsWith(QLatin1String("zh")) ? QStringLiteral("zh_CN") : QStringLiteral("en");
}

namespace {

// Thrown inside the parser only: the first problem ends parsing, and every check is one line.
struct LessonProblem {
  Problem problem;
};

[[noreturn]] void fail(ProblemCode code, const QString &field, const QString &value = {}, const QString &limit = {},
                       QStringList args = {}) {
  throw LessonProblem{Problem(code, std::move(args)).withField(field).withValue(value).withLimit(limit)};
}

void refuseUnknownKeys(const QJsonObject &object, const QString &field, std::initializer_list<const char *> known) {
  for (const QString &key : object.keys()) {
    bool ok = false;
    for (const char *name : known)
      ok = ok || key == QLatin1String(name);
    if (!ok) {
      QStringList names;
      for (const char *name : known)
        names << QString::fromLatin1(name);
      fail(ProblemCode::LessonUnknownKey, field, key, {}, {names.join(QStringLiteral(", "))});
    }
  }
}

QString describe(const QJsonValue &value) {
  switch (value.type()) {
  case QJsonValue::String: return QStringLiteral("\"%1\"").arg(value.toString());
  case QJsonValue::Double: return QString::number(value.toDouble());
  case QJsonValue::Bool: return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
  case QJsonValue::Null: return QStringLiteral("null");
  case QJsonValue::Array: return QStringLiteral("an array");
  case QJsonValue::Object: return QStringLiteral("an object");
  case QJsonValue::Undefined: break;
  }
  return QStringLiteral("nothing");
}

int nonNegativeInt(const QJsonValue &value, const QString &field) {
  const double number = value.toDouble(-1.0);
  if (!value.isDouble() || number < 0 || number != std::floor(number) || number > std::numeric_limits<int>::max())
    fail(ProblemCode::LessonNotInteger, field, describe(value));
  return int(number);
}

QString string(const QJsonValue &value, const QString &field) {
  if (!value.isString())
    fail(ProblemCode::LessonNotString, field, describe(value));
  return value.toString();
}

LocalizedText localized(const QJsonValue &value, const QString &field) {
  static const QRegularExpression code(QStringLiteral("^[a-z]{2,3}(_[A-Z]{2})?$"));
  LocalizedText text;
  if (value.isString()) {
    text.texts.emplace_back(QString(), value.toString());
  } else if (value.isObject()) {
    const QJsonObject object = value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
      if (!code.match(it.key()).hasMatch())
        fail(ProblemCode::LessonNotLanguage, field, it.key());
      text.texts.emplace_back(it.key(), string(it.value(), field + QLatin1Char('.') + it.key()));
    }
  } else {
    fail(ProblemCode::LessonNotText, field, describe(value));
  }
  for (const auto &entry : text.texts)
    if (entry.second.trimmed().isEmpty())
      fail(ProblemCode::LessonEmptyText, field);
  if (text.isEmpty())
    fail(ProblemCode::LessonNoText, field);
  return text;
}

Gate parseGate(const QJsonValue &value, const QString &field) {
  const QString name = string(value, field);
  for (Gate gate : {Gate::Input, Gate::Forget, Gate::Cell, Gate::Output})
    if (name == QString(QLatin1Char(gateLetter(gate))))
      return gate;
  fail(ProblemCode::LessonNotGate, field, name);
}

float parseValue(const QJsonValue &value, const QString &field) {
  if (!value.isDouble())
    fail(ProblemCode::LessonNotNumber, field, describe(value));
  return float(value.toDouble());
}

Intervention parseIntervention(const QJsonValue &value, const QString &field) {
  if (!value.isObject())
    fail(ProblemCode::LessonNotObjectValue, field, describe(value));
  const QJsonObject object = value.toObject();
  refuseUnknownKeys(object, field, {"kind", "gate", "layer", "unit", "value"});
  const QString kind = string(object.value(QStringLiteral("kind")), field + QStringLiteral(".kind"));
  const QString unitField = field + QStringLiteral(".unit");
  if (!object.contains(QStringLiteral("unit")))
    fail(ProblemCode::LessonMissing, unitField);
  const int unit = nonNegativeInt(object.value(QStringLiteral("unit")), unitField);
  const int layer = object.contains(QStringLiteral("layer"))
                        ? nonNegativeInt(object.value(QStringLiteral("layer")), field + QStringLiteral(".layer"))
                        : 0;
  const bool needsGate = kind == QLatin1String("clamp");
  const bool needsValue = needsGate || kind == QLatin1String("set-cell") || kind == QLatin1String("add-cell");
  if (!needsValue && kind != QLatin1String("zero-hidden") && kind != QLatin1String("zero-cell"))
    fail(ProblemCode::LessonNotIntervention, field + QStringLiteral(".kind"), kind);
  if (!needsGate && object.contains(QStringLiteral("gate")))
    fail(ProblemCode::LessonGateNotClamp, field + QStringLiteral(".gate"));
  if (!needsValue && object.contains(QStringLiteral("value")))
    fail(ProblemCode::LessonNoValue, field + QStringLiteral(".value"), kind);
  if (needsValue && !object.contains(QStringLiteral("value")))
    fail(ProblemCode::LessonMissing, field + QStringLiteral(".value"));
  const float number = needsValue ? parseValue(object.value(QStringLiteral("value")), field + QStringLiteral(".value")) : 0.0f;
  if (kind == QLatin1String("zero-hidden"))
    return Intervention::zeroHidden(layer, unit);
  if (kind == QLatin1String("zero-cell"))
    return Intervention::zeroCell(layer, unit);
  if (kind == QLatin1String("set-cell"))
    return Intervention::setCell(layer, unit, number);
  if (kind == QLatin1String("add-cell"))
    return Intervention::addCell(layer, unit, number);
  if (!object.contains(QStringLiteral("gate")))
    fail(ProblemCode::LessonMissing, field + QStringLiteral(".gate"));
  const Gate gate = parseGate(object.value(QStringLiteral("gate")), field + QStringLiteral(".gate"));
  const float low = gate == Gate::Cell ? -1.0f : 0.0f; // the gate's own range: tanh for g, σ for the others
  if (number < low || number > 1.0f)
    fail(ProblemCode::LessonGateRange, field + QStringLiteral(".value"), QString::number(double(number)),
         QString::number(int(low)), {QString(QLatin1Char(gateLetter(gate)))});
  return Intervention::clampGate(layer, unit, gate, number);
}

LessonStep parseStep(const QJsonValue &value, const QString &field) {
  if (!value.isObject())
    fail(ProblemCode::LessonNotObjectValue, field, describe(value));
  const QJsonObject object = value.toObject();
  refuseUnknownKeys(object, field,
                    {"title", "text", "question", "answer", "model", "reload", "read", "layer", "unit", "quantity",
                     "interventions", "cursor", "view"});
  const auto has = [&](const char *key) { return object.contains(QLatin1String(key)); };
  const auto at = [&](const char *key) { return object.value(QLatin1String(key)); };
  const auto sub = [&](const char *key) -> QString { return field + QLatin1Char('.') + QLatin1String(key); };
  LessonStep step;
  if (!has("text"))
    fail(ProblemCode::LessonMissing, sub("text"));
  step.text = localized(at("text"), sub("text"));
  if (has("title"))
    step.title = localized(at("title"), sub("title"));
  if (has("question"))
    step.question = localized(at("question"), sub("question"));
  if (has("answer")) {
    if (!has("question"))
      fail(ProblemCode::LessonAnswerWithoutQuestion, sub("answer"));
    step.answer = localized(at("answer"), sub("answer"));
  }
  if (has("model")) {
    step.model = string(at("model"), sub("model"));
    if (step.model.trimmed().isEmpty())
      fail(ProblemCode::LessonEmptyPath, sub("model"));
  }
  if (has("reload")) {
    if (!at("reload").isBool())
      fail(ProblemCode::LessonNotBool, sub("reload"), describe(at("reload")));
    step.reload = at("reload").toBool();
    if (step.reload && step.model.isEmpty())
      fail(ProblemCode::LessonNothingToReload, sub("reload"));
  }
  if (has("read")) {
    if (at("read").isObject()) {
      const QJsonObject read = at("read").toObject();
      refuseUnknownKeys(read, sub("read"), {"text", "steps"});
      step.read = string(read.value(QStringLiteral("text")), sub("read") + QStringLiteral(".text"));
      if (read.contains(QStringLiteral("steps"))) {
        step.readSteps = nonNegativeInt(read.value(QStringLiteral("steps")), sub("read") + QStringLiteral(".steps"));
        const int length = int(step.read->toStdU32String().size());
        if (step.readSteps > length)
          fail(ProblemCode::LessonReadTooLong, sub("read") + QStringLiteral(".steps"), QString::number(step.readSteps),
               QString::number(length));
      }
    } else {
      step.read = string(at("read"), sub("read"));
    }
  }
  if (has("layer"))
    step.layer = nonNegativeInt(at("layer"), sub("layer"));
  if (has("unit")) {
    step.unit = nonNegativeInt(at("unit"), sub("unit"));
    step.layer = std::max(step.layer, 0); // a unit without a layer is in the first layer
  }
  if (has("quantity")) {
    Quantity quantity = Quantity::Cell;
    const QString name = string(at("quantity"), sub("quantity"));
    if (!parseQuantity(name, quantity))
      fail(ProblemCode::LessonNotQuantity, sub("quantity"), name);
    step.quantity = quantity;
  }
  if (has("interventions")) {
    if (!at("interventions").isArray())
      fail(ProblemCode::LessonNotArray, sub("interventions"), describe(at("interventions")));
    const QJsonArray list = at("interventions").toArray();
    step.interventions.emplace();
    for (int k = 0; k < list.size(); ++k) {
      const QString itemField = sub("interventions") + QStringLiteral("[%1]").arg(k);
      const Intervention intervention = parseIntervention(list[k], itemField);
      if (std::find(step.interventions->begin(), step.interventions->end(), intervention) != step.interventions->end())
        fail(ProblemCode::LessonDuplicateIntervention, itemField);
      step.interventions->push_back(intervention);
    }
  }
  if (has("cursor"))
    step.cursor = nonNegativeInt(at("cursor"), sub("cursor"));
  if (has("view")) {
    step.view = string(at("view"), sub("view"));
    if (step.view.trimmed().isEmpty())
      fail(ProblemCode::LessonEmptyView, sub("view"));
  }
  return step;
}

[[noreturn]] void failSyntax(const QByteArray &json, const QJsonParseError &error) {
  const QByteArray before = json.left(error.offset);
  const qint64 line = before.count('\n') + 1;
  const qint64 column = error.offset - (before.lastIndexOf('\n') + 1) + 1;
  throw LessonProblem{Problem(ProblemCode::LessonSyntax).at(line, column).withValue(error.errorString())};
}

} // namespace

std::optional<GuidedLesson> GuidedLesson::fromJson(const QByteArray &json, Problem *problem) {
  QJsonParseError error;
  const QJsonDocument document = QJsonDocument::fromJson(json, &error);
  try {
    if (error.error != QJsonParseError::NoError)
      failSyntax(json, error);
    if (!document.isObject())
      fail(ProblemCode::LessonNotObject, QStringLiteral("lesson"));
    const QJsonObject object = document.object();
    refuseUnknownKeys(object, QStringLiteral("lesson"), {"title", "summary", "steps"});
    GuidedLesson lesson;
    if (!object.contains(QStringLiteral("title")))
      fail(ProblemCode::LessonMissing, QStringLiteral("title"));
    lesson.title = localized(object.value(QStringLiteral("title")), QStringLiteral("title"));
    if (object.contains(QStringLiteral("summary")))
      lesson.summary = localized(object.value(QStringLiteral("summary")), QStringLiteral("summary"));
    const QJsonValue steps = object.value(QStringLiteral("steps"));
    if (!steps.isArray() || steps.toArray().isEmpty())
      fail(ProblemCode::LessonNoSteps, QStringLiteral("steps"));
    const QJsonArray list = steps.toArray();
    for (int k = 0; k < list.size(); ++k)
      lesson.steps.push_back(parseStep(list[k], QStringLiteral("steps[%1]").arg(k)));
    return lesson;
  } catch (const LessonProblem &found) {
    report(problem, found.problem);
    return std::nullopt;
  }
}

std::optional<GuidedLesson> GuidedLesson::load(const QString &path, Problem *problem) {
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly)) {
    report(problem, Problem(ProblemCode::SystemError).withValue(file.errorString()).inFile(path));
    return std::nullopt;
  }
  auto lesson = fromJson(file.readAll(), problem);
  if (!lesson) {
    setProblemFile(problem, path);
    return std::nullopt;
  }
  const QDir folder = QFileInfo(path).absoluteDir();
  for (LessonStep &step : lesson->steps)
    if (!step.model.isEmpty() && !step.model.startsWith(QLatin1Char(':')) && QFileInfo(step.model).isRelative())
      step.model = QDir::cleanPath(folder.absoluteFilePath(step.model));
  return lesson;
}

LessonState GuidedLesson::stateAt(int index) const {
  LessonState state;
  for (int k = 0; k <= index; ++k) {
    const LessonStep &step = steps[std::size_t(k)];
    if (!step.model.isEmpty()) {
      state.model = step.model;
      state.modelFrom = k;
    }
    if (step.read) {
      state.read = step.read;
      state.readSteps = step.readSteps;
      state.readFrom = k;
    }
    if (step.layer >= 0) {
      state.layer = step.layer;
      state.layerFrom = k;
    }
    if (step.unit >= 0) {
      state.unit = step.unit;
      state.unitFrom = k;
    }
    if (step.quantity)
      state.quantity = step.quantity;
    if (step.interventions) {
      state.interventions = *step.interventions;
      state.interventionsFrom = k;
    }
  }
  const LessonStep &last = steps[std::size_t(index)];
  state.reload = last.reload;
  state.cursor = last.cursor;
  state.view = last.view;
  return state;
}

bool checkViews(const GuidedLesson &lesson, const QStringList &views, Problem *problem) {
  for (std::size_t k = 0; k < lesson.steps.size(); ++k) {
    const QString &view = lesson.steps[k].view;
    if (!view.isEmpty() && !views.contains(view))
      return report(problem, Problem(ProblemCode::LessonNotView, {views.join(QStringLiteral(", "))})
                                 .withField(QStringLiteral("steps[%1].view").arg(k))
                                 .withValue(view));
  }
  return true;
}

bool checkAgainst(const LessonState &state, int step, const ModelConfig &config, int steps, Problem *problem) {
  const int layers = config.numLayers, units = config.hiddenSize;
  const auto outside = [problem](int from, const QString &field, int value, int count) {
    return report(problem, Problem(ProblemCode::LessonOutside)
                               .withField(QStringLiteral("steps[%1].%2").arg(from).arg(field))
                               .withValue(QString::number(value))
                               .withLimit(QString::number(count - 1)));
  };
  if (state.layer >= layers)
    return outside(state.layerFrom, QStringLiteral("layer"), state.layer, layers);
  if (state.unit >= units)
    return outside(state.unitFrom, QStringLiteral("unit"), state.unit, units);
  for (std::size_t k = 0; k < state.interventions.size(); ++k) {
    const Intervention &intervention = state.interventions[k];
    const QString field = QStringLiteral("interventions[%1].").arg(k);
    if (intervention.layer >= layers)
      return outside(state.interventionsFrom, field + QStringLiteral("layer"), intervention.layer, layers);
    if (intervention.unit >= units)
      return outside(state.interventionsFrom, field + QStringLiteral("unit"), intervention.unit, units);
  }
  if (steps >= 0 && state.cursor >= 0 && state.cursor >= steps)
    return steps == 0 ? report(problem, Problem(ProblemCode::LessonNoStepsToInspect)
                                            .withField(QStringLiteral("steps[%1].cursor").arg(step)))
                      : outside(step, QStringLiteral("cursor"), state.cursor, steps);
  return true;
}

} // namespace lstm
