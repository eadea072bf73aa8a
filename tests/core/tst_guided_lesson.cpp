// Guided lessons: parsing, languages, every refusal with its message, the shipped lessons — and the
// claims their texts make about the shipped example models, measured on the real models.
#include "explore/gradient_flow.h"
#include "english_problem.h"
#include "explore/guided_lesson.h"
#include "explore/stepper.h"
#include "explore/text_features.h"
#include "explore/unit_ranking.h"
#include "io/model_file.h"

#include <QDir>
#include <QLocale>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>

using namespace lstm;
using lstm::test::english;

namespace {
// checkAgainst's problem in English; empty when the state fits.
QString misfit(const LessonState &state, int step, const ModelConfig &config, int steps = -1) {
  Problem problem;
  return checkAgainst(state, step, config, steps, &problem) ? QString() : english(problem);
}
} // namespace

namespace {

const QString kParensText = QStringLiteral("(()(()))\n((((()))))()\n(()((())()))\n((()()(())))\n");

QString sourcePath(const QString &relative) { return QStringLiteral(LSTM_SOURCE_DIR "/") + relative; }

// ":/models/…" as the lessons name them → the file in the source tree (core tests have no resources).
QString modelFile(const QString &path) {
  return path.startsWith(QLatin1String(":/")) ? sourcePath(QStringLiteral("resources/") + path.mid(2)) : path;
}

std::shared_ptr<const Model> loadExample(const QString &name) {
  Problem error;
  auto model = loadModel(sourcePath(QStringLiteral("resources/models/examples/") + name), &error);
  if (!model)
    qFatal("%s", qPrintable(english(error)));
  return std::make_shared<const Model>(std::move(*model));
}

// Reads `text` with the given interventions; the trace holds every step.
std::unique_ptr<Stepper> readWith(const std::shared_ptr<const Model> &model, const QString &text,
                                  const std::vector<Intervention> &interventions = {}) {
  auto stepper = std::make_unique<Stepper>(model);
  for (const Intervention &intervention : interventions)
    stepper->addIntervention(intervention);
  for (char32_t symbol : text.toStdU32String())
    stepper->step(model->vocabulary.idOf(symbol));
  return stepper;
}

double value(const Stepper &s, Quantity q, int step, int unit = 11) { return double(s.trace().value(0, q, step, unit)); }

// Probability of the next character being a line break after `step` (token 0 of both bracket-like models).
double lineBreakAfter(const Stepper &s, int step) {
  for (const TokenProbability &entry : s.trace().topNext(step))
    if (entry.token == 0)
      return double(entry.probability);
  return 0.0;
}

// Pearson r of unit 11's quantity `q` with `feature`, as the unit discovery panel computes it.
double correlationOf(const Stepper &s, const std::vector<double> &feature, Quantity q = Quantity::Cell) {
  const auto scores = rankUnits(s.trace(), 0, q, feature);
  return std::find_if(scores.begin(), scores.end(), [](const UnitScore &score) { return score.unit == 11; })->correlation;
}

std::vector<double> cellOf(const Stepper &s, int unit) {
  std::vector<double> values;
  for (int step = 0; step < s.trace().steps(); ++step)
    values.push_back(value(s, Quantity::Cell, step, unit));
  return values;
}

const QByteArray kMinimal = R"({"title": "T", "steps": [{"text": "one"}]})";

} // namespace

class TestGuidedLesson : public QObject {
  Q_OBJECT
private Q_SLOTS:
  void parsesEveryField();
  void picksLanguageWithFallback();
  void followsDefaultLocale();
  void refusesWithMessage_data();
  void refusesWithMessage();
  void unknownViewNamesItsStep();
  void statesInheritFromEarlierSteps();
  void loadNamesFileAndResolvesModels();
  void checksAgainstModelShape();
  void shippedLessonsParseAndFitTheirModels();
  void memoryCellClaimsHold();
  void forgetGateClaimsHold();
  void countingClaimsHold();
  void gradientClaimsHold();
};

void TestGuidedLesson::parsesEveryField() {
  Problem problem;
  const auto lesson = GuidedLesson::fromJson(R"({
    "title": {"en": "Gates", "zh_CN": "门"}, "summary": "S",
    "steps": [{"title": "First", "text": "Look at **c**.", "model": ":/models/examples/01-parens.lstm",
               "reload": true, "read": {"text": "(())\n", "steps": 3}, "layer": 0, "unit": 11, "quantity": "f",
               "interventions": [{"kind": "clamp", "gate": "f", "layer": 0, "unit": 11, "value": 0},
                                 {"kind": "zero-hidden", "unit": 2}, {"kind": "zero-cell", "unit": 3},
                                 {"kind": "set-cell", "unit": 4, "value": 2.5}, {"kind": "add-cell", "unit": 5, "value": -1}],
               "cursor": 2, "view": "equationsDock", "question": "Q?", "answer": "A."},
              {"text": "two", "read": "()\n", "unit": 3}]})",
                                             &problem);
  QVERIFY2(lesson, qPrintable(english(problem)));
  QCOMPARE(lesson->title.in(QStringLiteral("zh_CN")), QStringLiteral("门"));
  QCOMPARE(lesson->summary.in(QStringLiteral("en")), QStringLiteral("S"));
  QCOMPARE(int(lesson->steps.size()), 2);
  const LessonStep &first = lesson->steps[0];
  QCOMPARE(first.model, QStringLiteral(":/models/examples/01-parens.lstm"));
  QVERIFY(first.reload);
  QCOMPARE(*first.read, QStringLiteral("(())\n"));
  QCOMPARE(first.readSteps, 3);
  QCOMPARE(first.unit, 11);
  QCOMPARE(*first.quantity, Quantity::ForgetGate);
  QCOMPARE(first.cursor, 2);
  QCOMPARE(first.view, QStringLiteral("equationsDock"));
  QCOMPARE(first.answer.in(QStringLiteral("en")), QStringLiteral("A."));
  const std::vector<Intervention> expected{Intervention::clampGate(0, 11, Gate::Forget, 0.0f),
                                           Intervention::zeroHidden(0, 2), Intervention::zeroCell(0, 3),
                                           Intervention::setCell(0, 4, 2.5f), Intervention::addCell(0, 5, -1.0f)};
  QVERIFY(*first.interventions == expected);
  const LessonStep &second = lesson->steps[1];
  QCOMPARE(second.layer, 0); // a unit without a layer is in layer 0
  QCOMPARE(second.readSteps, -1);
  QVERIFY(!second.interventions && !second.quantity && second.model.isEmpty());
}

void TestGuidedLesson::picksLanguageWithFallback() {
  LocalizedText text{{{QStringLiteral("zh_CN"), QStringLiteral("中")}, {QStringLiteral("en"), QStringLiteral("E")}}};
  QCOMPARE(text.in(QStringLiteral("zh_CN")), QStringLiteral("中"));
  QCOMPARE(text.in(QStringLiteral("zh_TW")), QStringLiteral("中")); // same language
  QCOMPARE(text.in(QStringLiteral("en")), QStringLiteral("E"));
  QCOMPARE(text.in(QStringLiteral("fr")), QStringLiteral("E"));     // English when missing
  const LocalizedText plain{{{QString(), QStringLiteral("P")}}};
  QCOMPARE(plain.in(QStringLiteral("zh_CN")), QStringLiteral("P"));
  const LocalizedText chineseOnly{{{QStringLiteral("zh_CN"), QStringLiteral("中")}}};
  QCOMPARE(chineseOnly.in(QStringLiteral("en")), QStringLiteral("中")); // the only text there is
  QCOMPARE(LocalizedText{}.in(QStringLiteral("en")), QString());
}

void TestGuidedLesson::followsDefaultLocale() {
  const QLocale saved;
  QLocale::setDefault(QLocale(QStringLiteral("zh_CN")));
  QCOMPARE(currentLessonLanguage(), QStringLiteral("zh_CN"));
  QLocale::setDefault(QLocale(QStringLiteral("en")));
  QCOMPARE(currentLessonLanguage(), QStringLiteral("en"));
  QLocale::setDefault(saved);
}

void TestGuidedLesson::refusesWithMessage_data() {
  QTest::addColumn<QByteArray>("json");
  QTest::addColumn<QString>("message");
  const auto row = [](const char *name, const char *step, const char *message) {
    QTest::newRow(name) << QByteArray(R"({"title": "T", "steps": [{"text": "ok"}, )") + step + "]}"
                        << QString::fromUtf8(message);
  };
  QTest::newRow("syntax") << QByteArray("{\"title\": \"T\",\n  \"steps\": [}") << QStringLiteral("line 2, column 14: object is missing after a comma");
  QTest::newRow("not an object") << QByteArray("[1]") << QStringLiteral("lesson: the file is not a JSON object");
  QTest::newRow("top-level typo") << QByteArray(R"({"title": "T", "step": []})")
                                  << QStringLiteral("lesson: unknown key \"step\" (known: title, summary, steps)");
  QTest::newRow("no title") << QByteArray(R"({"steps": [{"text": "a"}]})") << QStringLiteral("title: missing");
  QTest::newRow("no steps") << QByteArray(R"({"title": "T", "steps": []})")
                            << QStringLiteral("steps: a lesson needs a non-empty array of steps");
  QTest::newRow("bad language") << QByteArray(R"({"title": {"zh-CN": "门"}, "steps": [{"text": "a"}]})")
                                << QStringLiteral("title: \"zh-CN\" is not a language code like \"en\" or \"zh_CN\"");
  QTest::newRow("title number") << QByteArray(R"({"title": 3, "steps": [{"text": "a"}]})")
                                << QStringLiteral("title: 3 is neither a text nor an object of texts by language");
  row("step not object", "7", "steps[1]: 7 is not an object");
  row("step typo", R"({"text": "a", "qestion": "?"})", "steps[1]: unknown key \"qestion\" (known: title, text, question, "
      "answer, model, reload, read, layer, unit, quantity, interventions, cursor, view)");
  row("no text", R"({"unit": 1})", "steps[1].text: missing");
  row("empty text", R"({"text": {"en": " "}})", "steps[1].text: the text is empty");
  row("text in language not string", R"({"text": {"en": 1}})", "steps[1].text.en: 1 is not a string");
  row("answer without question", R"({"text": "a", "answer": "b"})", "steps[1].answer: an answer needs a question");
  row("empty model", R"({"text": "a", "model": ""})", "steps[1].model: the path is empty");
  row("reload not bool", R"({"text": "a", "model": "m", "reload": 1})", "steps[1].reload: 1 is not true or false");
  row("reload without model", R"({"text": "a", "reload": true})", "steps[1].reload: there is no model to reload in this step");
  row("read number", R"({"text": "a", "read": 5})", "steps[1].read: 5 is not a string");
  row("read typo", R"J({"text": "a", "read": {"txt": "()"}})J", "steps[1].read: unknown key \"txt\" (known: text, steps)");
  row("read too many steps", R"J({"text": "a", "read": {"text": "()", "steps": 3}})J",
      "steps[1].read.steps: 3 is more than the 2 characters of the text");
  row("negative unit", R"({"text": "a", "unit": -1})", "steps[1].unit: -1 is not a non-negative integer");
  row("fractional layer", R"({"text": "a", "layer": 0.5})", "steps[1].layer: 0.5 is not a non-negative integer");
  row("unit as text", R"({"text": "a", "unit": "11"})", "steps[1].unit: \"11\" is not a non-negative integer");
  row("bad quantity", R"({"text": "a", "quantity": "x"})", "steps[1].quantity: \"x\" is not one of i, f, g, o, c, h, a_i, a_f, a_g, a_o");
  row("interventions object", R"({"text": "a", "interventions": {}})", "steps[1].interventions: an object is not an array");
  row("bad kind", R"({"text": "a", "interventions": [{"kind": "freeze", "unit": 1}]})",
      "steps[1].interventions[0].kind: \"freeze\" is not one of clamp, zero-hidden, zero-cell, set-cell, add-cell");
  row("no unit", R"({"text": "a", "interventions": [{"kind": "zero-cell"}]})", "steps[1].interventions[0].unit: missing");
  row("no gate", R"({"text": "a", "interventions": [{"kind": "clamp", "unit": 1, "value": 0}]})",
      "steps[1].interventions[0].gate: missing");
  row("bad gate", R"({"text": "a", "interventions": [{"kind": "clamp", "gate": "c", "unit": 1, "value": 0}]})",
      "steps[1].interventions[0].gate: \"c\" is not one of i, f, g, o");
  row("gate out of range", R"({"text": "a", "interventions": [{"kind": "clamp", "gate": "f", "unit": 1, "value": 2}]})",
      "steps[1].interventions[0].value: 2 is outside the range of gate f (0…1)");
  row("g out of range", R"({"text": "a", "interventions": [{"kind": "clamp", "gate": "g", "unit": 1, "value": -2}]})",
      "steps[1].interventions[0].value: -2 is outside the range of gate g (-1…1)");
  row("no value", R"({"text": "a", "interventions": [{"kind": "set-cell", "unit": 1}]})",
      "steps[1].interventions[0].value: missing");
  row("value not number", R"({"text": "a", "interventions": [{"kind": "add-cell", "unit": 1, "value": "1"}]})",
      "steps[1].interventions[0].value: \"1\" is not a number");
  row("value where none", R"({"text": "a", "interventions": [{"kind": "zero-cell", "unit": 1, "value": 1}]})",
      "steps[1].interventions[0].value: a zero-cell has no value");
  row("gate where none", R"({"text": "a", "interventions": [{"kind": "set-cell", "gate": "f", "unit": 1, "value": 1}]})",
      "steps[1].interventions[0].gate: only a clamp has a gate");
  row("intervention typo", R"({"text": "a", "interventions": [{"kind": "zero-cell", "unit": 1, "layr": 0}]})",
      "steps[1].interventions[0]: unknown key \"layr\" (known: kind, gate, layer, unit, value)");
  row("twice", R"({"text": "a", "interventions": [{"kind": "zero-cell", "unit": 1}, {"kind": "zero-cell", "unit": 1}]})",
      "steps[1].interventions[1]: the same intervention is listed twice");
  row("negative cursor", R"({"text": "a", "cursor": -3})", "steps[1].cursor: -3 is not a non-negative integer");
  row("view number", R"({"text": "a", "view": 3})", "steps[1].view: 3 is not a string");
  row("empty view", R"({"text": "a", "view": " "})", "steps[1].view: the name is empty");
}

void TestGuidedLesson::unknownViewNamesItsStep() {
  // Which views exist is the UI's business: parsing keeps any name, checkViews compares with the UI's list.
  Problem problem;
  const auto lesson = GuidedLesson::fromJson(R"({"title": "T", "steps": [{"text": "a", "view": "heatmapDock"},
      {"text": "b"}, {"text": "c", "view": "heatmap"}, {"text": "d", "view": "nowhere"}]})", &problem);
  QVERIFY2(lesson, qPrintable(english(problem)));
  QCOMPARE(lesson->steps[2].view, QStringLiteral("heatmap"));
  const QStringList views{QStringLiteral("heatmapDock"), QStringLiteral("unitTraceDock")};
  const auto unknownView = [&](const QStringList &known) {
    Problem found;
    return checkViews(*lesson, known, &found) ? QString() : english(found);
  };
  QCOMPARE(unknownView(views), QStringLiteral("steps[2].view: \"heatmap\" is not one of heatmapDock, unitTraceDock"));
  QCOMPARE(unknownView(views + QStringList{QStringLiteral("heatmap")}),
           QStringLiteral("steps[3].view: \"nowhere\" is not one of heatmapDock, unitTraceDock, heatmap"));
  QCOMPARE(unknownView(views + QStringList{QStringLiteral("heatmap"), QStringLiteral("nowhere")}), QString());
}

void TestGuidedLesson::refusesWithMessage() {
  QFETCH(QByteArray, json);
  QFETCH(QString, message);
  Problem problem;
  QVERIFY(!GuidedLesson::fromJson(json, &problem));
  QCOMPARE(english(problem), message);
}

void TestGuidedLesson::statesInheritFromEarlierSteps() {
  Problem problem;
  const auto lesson = GuidedLesson::fromJson(R"J({"title": "T", "steps": [
      {"text": "0", "model": "a.lstm", "read": "()", "unit": 3, "quantity": "f", "cursor": 1, "view": "heatmapDock",
       "interventions": [{"kind": "zero-cell", "unit": 3}]},
      {"text": "1", "layer": 1, "unit": 2},
      {"text": "2", "model": "b.lstm", "reload": true, "interventions": []}]})J",
                                             &problem);
  QVERIFY2(lesson, qPrintable(english(problem)));
  const LessonState second = lesson->stateAt(1);
  QCOMPARE(second.model, QStringLiteral("a.lstm"));
  QCOMPARE(*second.read, QStringLiteral("()"));
  QCOMPARE(second.unit, 2);
  QCOMPARE(second.layer, 1);
  QCOMPARE(second.unitFrom, 1);
  QCOMPARE(*second.quantity, Quantity::ForgetGate);
  QCOMPARE(int(second.interventions.size()), 1);
  QCOMPARE(second.interventionsFrom, 0);
  QCOMPARE(second.cursor, -1);   // cursor, view and reload belong to their own step
  QVERIFY(second.view.isEmpty());
  const LessonState third = lesson->stateAt(2);
  QCOMPARE(third.model, QStringLiteral("b.lstm"));
  QCOMPARE(third.modelFrom, 2);
  QVERIFY(third.reload);
  QVERIFY(third.interventions.empty());
  QVERIFY(!lesson->stateAt(0).reload);
  QCOMPARE(lesson->stateAt(0).cursor, 1);
}

void TestGuidedLesson::loadNamesFileAndResolvesModels() {
  QTemporaryDir dir;
  const QString path = dir.filePath(QStringLiteral("mine.json"));
  QFile file(path);
  QVERIFY(file.open(QIODevice::WriteOnly));
  file.write(R"({"title": "T", "steps": [{"text": "a", "model": "models/m.lstm"}, {"text": "b", "model": ":/models/default.lstm"},
                {"text": "c", "unit": 40, "layer": -2}]})");
  file.close();
  Problem error;
  QVERIFY(!GuidedLesson::load(path, &error));
  QCOMPARE(english(error), path + QStringLiteral(": steps[2].layer: -2 is not a non-negative integer"));
  QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
  file.write(R"({"title": "T", "steps": [{"text": "a", "model": "models/m.lstm"}, {"text": "b", "model": ":/models/default.lstm"}]})");
  file.close();
  const auto lesson = GuidedLesson::load(path, &error);
  QVERIFY2(lesson, qPrintable(english(error)));
  QCOMPARE(lesson->steps[0].model, QDir(dir.path()).absoluteFilePath(QStringLiteral("models/m.lstm")));
  QCOMPARE(lesson->steps[1].model, QStringLiteral(":/models/default.lstm"));
  const QString missing = dir.filePath(QStringLiteral("none.json"));
  QVERIFY(!GuidedLesson::load(missing, &error));
  QVERIFY2(english(error).startsWith(missing + QStringLiteral(": ")), qPrintable(english(error)));
}

void TestGuidedLesson::checksAgainstModelShape() {
  ModelConfig config;
  config.numLayers = 1;
  config.hiddenSize = 16;
  LessonState state;
  QCOMPARE(misfit(state, 0, config), QString());
  state.unit = 40;
  state.layer = 0;
  state.unitFrom = 3;
  QCOMPARE(misfit(state, 5, config), QStringLiteral("steps[3].unit: 40 is outside 0…15"));
  state.layer = 1;
  state.layerFrom = 2;
  QCOMPARE(misfit(state, 5, config), QStringLiteral("steps[2].layer: 1 is outside 0…0"));
  state = LessonState{};
  state.interventions = {Intervention::zeroCell(0, 3), Intervention::zeroCell(0, 16)};
  state.interventionsFrom = 4;
  QCOMPARE(misfit(state, 6, config), QStringLiteral("steps[4].interventions[1].unit: 16 is outside 0…15"));
  state = LessonState{};
  state.cursor = 30;
  QCOMPARE(misfit(state, 1, config), QString()); // the number of steps is not known yet
  QCOMPARE(misfit(state, 1, config, 22), QStringLiteral("steps[1].cursor: 30 is outside 0…21"));
  QCOMPARE(misfit(state, 1, config, 0), QStringLiteral("steps[1].cursor: there are no steps to inspect"));
}

void TestGuidedLesson::shippedLessonsParseAndFitTheirModels() {
  const QDir folder(sourcePath(QStringLiteral("resources/lessons")));
  const QStringList names = folder.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
  QVERIFY(names.size() >= 5);
  const auto bothLanguages = [](const LocalizedText &text) {
    bool en = false, zh = false;
    for (const auto &[code, body] : text.texts)
      en = en || code == QLatin1String("en"), zh = zh || code == QLatin1String("zh_CN");
    return en && zh;
  };
  for (const QString &name : names) {
    Problem error;
    const auto lesson = GuidedLesson::load(folder.filePath(name), &error);
    QVERIFY2(lesson, qPrintable(english(error)));
    QVERIFY2(bothLanguages(lesson->title) && bothLanguages(lesson->summary), qPrintable(name));
    QVERIFY2(!lesson->steps.front().model.isEmpty(), qPrintable(name + QStringLiteral(": the first step loads a model")));
    for (int k = 0; k < int(lesson->steps.size()); ++k) {
      const LessonStep &step = lesson->steps[std::size_t(k)];
      const QString where = name + QStringLiteral(" steps[%1]").arg(k);
      QVERIFY2(bothLanguages(step.text) && bothLanguages(step.title), qPrintable(where));
      QVERIFY2(step.question.isEmpty() || bothLanguages(step.question), qPrintable(where));
      QVERIFY2(step.answer.isEmpty() || bothLanguages(step.answer), qPrintable(where));
      const LessonState state = lesson->stateAt(k);
      auto model = loadModel(modelFile(state.model), &error);
      QVERIFY2(model, qPrintable(english(error)));
      const int steps = state.read ? int(state.read->toStdU32String().size()) : -1;
      QCOMPARE(misfit(state, k, model->config, steps), QString());
      if (state.read) // every character of the text is in the model's vocabulary
        for (char32_t symbol : state.read->toStdU32String())
          QVERIFY2(model->vocabulary.idOf(symbol) >= 0, qPrintable(where));
    }
  }
}

void TestGuidedLesson::memoryCellClaimsHold() {
  // 01-memory-cell.json, measured on the shipped bracket model (unit 11) and aⁿbⁿ model (unit 5).
  const auto parens = readWith(loadExample(QStringLiteral("01-parens.lstm")), kParensText);
  QVERIFY(std::abs(value(*parens, Quantity::Cell, 4) - 1.6) < 0.05); // step 4: depth 3, c ≈ 1.6
  QVERIFY(std::abs(value(*parens, Quantity::InputGate, 0) - 0.84) < 0.01);
  for (int step = 1; step < 9; ++step) // i stays at 0.97–1.00 for the rest of the first line
    QVERIFY(value(*parens, Quantity::InputGate, step) >= 0.965);
  for (int step = 0; step < 48; ++step) { // g ≈ ±0.6 with the sign of the bracket
    const QChar ch = kParensText[step];
    if (ch == QLatin1Char('\n'))
      continue;
    const double g = value(*parens, Quantity::CandidateGate, step);
    QVERIFY2((ch == QLatin1Char('(')) == (g > 0) && std::abs(g) > 0.3 && std::abs(g) < 0.7, qPrintable(QString::number(step)));
  }
  QVERIFY(std::abs(value(*parens, Quantity::ForgetGate, 8) - 0.66) < 0.01);
  QVERIFY(std::abs(value(*parens, Quantity::ForgetGate, 21) - 0.2) < 0.03);
  for (int step : {2, 3, 4, 5, 6, 7}) // inside a line f ≈ 0.98–0.99
    QVERIFY(value(*parens, Quantity::ForgetGate, step) > 0.95);
  const auto anbn = readWith(loadExample(QStringLiteral("02-anbn.lstm")), QStringLiteral("aaaabbbb\naabb\n"));
  const auto at = [&](Quantity q, int step) { return value(*anbn, q, step, 5); };
  QVERIFY(std::abs(at(Quantity::Cell, 8) - 1.5) < 0.05);
  QVERIFY(std::abs(at(Quantity::OutputGate, 8) - 0.13) < 0.01);
  QVERIFY(std::abs(at(Quantity::Hidden, 8) - 0.12) < 0.01);
  QVERIFY(std::abs(at(Quantity::Cell, 13) - 1.2) < 0.06);
  QVERIFY(at(Quantity::OutputGate, 13) < 0.015 && std::abs(at(Quantity::Hidden, 13)) < 0.015);
}

void TestGuidedLesson::forgetGateClaimsHold() {
  // 02-forget-gate.json: with f clamped to 0 unit 11 no longer tracks depth; clamped to 1 its floor drifts.
  const auto model = loadExample(QStringLiteral("01-parens.lstm"));
  const auto normal = readWith(model, kParensText);
  const auto erased = readWith(model, kParensText, {Intervention::clampGate(0, 11, Gate::Forget, 0.0f)});
  const auto kept = readWith(model, kParensText, {Intervention::clampGate(0, 11, Gate::Forget, 1.0f)});
  const std::vector<double> depth = computeTextFeature(TextFeature::BracketDepth, kParensText.toStdU32String());
  QVERIFY(correlationOf(*normal, depth) > 0.95);
  QVERIFY(correlationOf(*erased, depth) < 0.6);
  for (int step = 0; step < 48; ++step) {
    const double c = value(*erased, Quantity::Cell, step);
    if (kParensText[step] == QLatin1Char('('))
      QVERIFY(c > 0.3 && c < 0.66);
    else if (kParensText[step] == QLatin1Char(')'))
      QVERIFY(c < -0.35 && c > -0.7);
    if (depth[std::size_t(step)] > 0) // a line break is impossible while a bracket is open: the model knows it
      QVERIFY(lineBreakAfter(*normal, step) < 0.01);
  }
  QCOMPARE(depth[32], 1.0);
  QVERIFY(std::abs(lineBreakAfter(*erased, 32) - 0.15) < 0.02);
  for (int step : {8, 21, 34, 47}) // each line break brings c back to about −0.7 …
    QVERIFY(std::abs(value(*normal, Quantity::Cell, step) + 0.7) < 0.03);
  const double floors[] = {-1.3, -1.7, -2.1}; // … but with f = 1 it ends lower after every line
  for (int k = 0; k < 3; ++k)
    QVERIFY(std::abs(value(*kept, Quantity::Cell, 21 + 13 * k) - floors[k]) < 0.05);
  QCOMPARE(depth[45], 1.0);
  QVERIFY(std::abs(lineBreakAfter(*kept, 45) - 0.4) < 0.03);
}

void TestGuidedLesson::countingClaimsHold() {
  // 03-counting.json.
  const auto parens = readWith(loadExample(QStringLiteral("01-parens.lstm")), kParensText);
  const std::vector<double> c = cellOf(*parens, 11);
  QCOMPARE(int(std::max_element(c.begin(), c.end()) - c.begin()), 13); // the deepest point, c ≈ 2.2
  QVERIFY(std::abs(c[13] - 2.2) < 0.05);
  QVERIFY(std::abs(lineBreakAfter(*parens, 18) - 0.63) < 0.01);
  const std::vector<double> depth = computeTextFeature(TextFeature::BracketDepth, kParensText.toStdU32String());
  QCOMPARE(rankUnits(parens->trace(), 0, Quantity::Cell, depth).front().unit, 11); // unit discovery finds it
  QVERIFY(std::abs(correlationOf(*parens, depth)) > std::abs(correlationOf(*parens, depth, Quantity::Hidden)));
  const QString line = QStringLiteral("aaaaaaabbbbbbb\naabb\n");
  const auto anbn = readWith(loadExample(QStringLiteral("02-anbn.lstm")), line);
  const auto at = [&](Quantity q, int step) { return value(*anbn, q, step, 5); };
  QVERIFY(std::abs(at(Quantity::Cell, 6) + 4.0) < 0.1);    // about −4 after seven a's
  for (int step = 4; step < 7; ++step)                      // up to about 0.8 lower per a
    QVERIFY(std::abs(at(Quantity::Cell, step) - at(Quantity::Cell, step - 1) + 0.8) < 0.1);
  for (int step = 5; step < 11; ++step)                     // h stuck near −1 while c counts on
    QVERIFY(at(Quantity::Hidden, step) < -0.9);
  QVERIFY(std::abs(at(Quantity::Cell, 12)) < 0.05);         // six b's: back at zero
  QVERIFY(at(Quantity::Cell, 13) > 0.5);
  for (int step = 7; step < 13; ++step) {                   // sure of 'b' until the count is used up
    const auto top = anbn->trace().topNext(step);
    QVERIFY(top.front().token == 2 && top.front().probability > 0.99f);
  }
}

void TestGuidedLesson::gradientClaimsHold() {
  // 04-gradients.json: at step 45 the LSTM's ‖∂loss/∂c_{t−k}‖ stays nearly flat back to the start of the line
  // (k = 10) and drops across the line break at step 34, where unit 11's forget gate is about 0.2.
  const auto model = loadExample(QStringLiteral("01-parens.lstm"));
  const auto parens = readWith(model, kParensText);
  std::string problem;
  const auto window = flowWindowFromTrace(model->config, parens->trace(), 45, 20, -1, {}, &problem);
  QVERIFY2(window, problem.c_str());
  const GradientFlowResult flow = lstmGradientFlow(model->parameters.cast<double>(), *window);
  const std::vector<double> &cell = flow.cell[0];
  QVERIFY(cell[10] > 0.6 * cell[0]);
  QVERIFY(cell[15] < 0.5 * cell[10]);
  QVERIFY(std::abs(value(*parens, Quantity::ForgetGate, 34) - 0.2) < 0.05);
}

QTEST_GUILESS_MAIN(TestGuidedLesson)
#include "tst_guided_lesson.moc"
