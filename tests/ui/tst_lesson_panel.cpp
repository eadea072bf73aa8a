// The guided-lesson panel on a real ExplorerSession with the shipped example models: every shipped
// lesson runs from start to end with Next, Back restores each earlier step, broken files and steps are reported
// inside the panel, and the lesson texts follow the UI language.
#include "common/problem_text.h"
#include "common/dialogs.h"
#include "explore/guided_lesson.h"
#include "explorer/explorer_keys.h"
#include "explorer/explorer_session.h"
#include "lessons/lesson_panel.h"
#include "lessons/lesson_runner.h"
#include "ui_test_helpers.h"

#include <QComboBox>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>

using namespace lstm;
using lstm::test::child;

namespace {

// What a step left in the session, to compare a step reached by Back with the same step reached by Next.
struct Snapshot {
  QString model;
  QString tape;
  int steps = 0, layer = 0, unit = 0, cursor = -1;
  Quantity quantity = Quantity::Cell;
  std::vector<Intervention> interventions;
  float cellAtCursor = 0.0f;
  bool operator==(const Snapshot &) const = default;
};

Snapshot snapshot(const ExplorerSession &session) {
  Snapshot s{session.modelSource(), session.isSeriesTape() ? QString() : session.tapeText(), session.steps(),
             session.selectedLayer(), session.selectedUnit(), session.cursor(), session.selectedQuantity(),
             session.interventions()};
  if (session.cursor() >= 0)
    s.cellAtCursor = session.trace().value(s.layer, Quantity::Cell, s.cursor, s.unit);
  return s;
}

QString writeLesson(const QTemporaryDir &dir, const QString &name, const QByteArray &json) {
  const QString path = dir.filePath(name);
  lstm::test::writeFile(path, json);
  return path;
}

} // namespace

class TestLessonPanel : public QObject {
  Q_OBJECT
private Q_SLOTS:
  void init();
  void listsShippedLessons();
  void runsEveryShippedLesson_data();
  void runsEveryShippedLesson();
  void interventionsActOnTheWholeText();
  void opensOnlyWhatIsNotOpen();
  void brokenLessonFileShowsItsMessage();
  void unknownViewIsRefusedWithFileAndStep();
  void stepProblemIsShownAndLessonGoesOn();
  void opensLessonFileThroughDialog();
  void keysAndAnswerToggle();
  void followsLanguageChange();
};

void TestLessonPanel::init() {
  QLocale::setDefault(QLocale(QStringLiteral("en")));
  dialogs::setHooks({});
}

void TestLessonPanel::listsShippedLessons() {
  ExplorerSession session;
  LessonPanel panel(&session);
  const QStringList shipped = LessonPanel::shippedLessons();
  QCOMPARE(shipped.size(), 5);
  QCOMPARE(shipped.front(), QStringLiteral(":/lessons/01-memory-cell.json"));
  auto *chooser = child<QComboBox>(&panel, "lessonChooser");
  QCOMPARE(chooser->count(), shipped.size() + 2); // "Choose a lesson…", the lessons, "Open lesson file…"
  QCOMPARE(chooser->itemText(1), QStringLiteral("1. The memory cell and the three gates"));
  QCOMPARE(chooser->itemText(5), QStringLiteral("5. Forecasting a series"));
  QVERIFY(!child<QPushButton>(&panel, "lessonNextButton")->isEnabled());
  QVERIFY(!session.hasModel()); // nothing is loaded before a lesson is chosen
  // Choosing with the keyboard starts the first lesson.
  panel.show();
  chooser->setFocus();
  QTest::keyClick(chooser, Qt::Key_Down);
  QCOMPARE(panel.runner()->currentStep(), 0);
  QCOMPARE(session.modelSource(), QStringLiteral(":/models/examples/01-parens.lstm"));
}

void TestLessonPanel::runsEveryShippedLesson_data() {
  QTest::addColumn<QString>("path");
  for (const QString &path : LessonPanel::shippedLessons())
    QTest::newRow(qPrintable(path)) << path;
}

void TestLessonPanel::runsEveryShippedLesson() {
  QFETCH(QString, path);
  ExplorerSession session;
  LessonPanel panel(&session);
  QSignalSpy views(&panel, &LessonPanel::viewRequested);
  Problem problem;
  const auto lesson = GuidedLesson::load(path, &problem);
  QVERIFY2(lesson, qPrintable(problemText(problem)));
  const int count = int(lesson->steps.size());
  QVERIFY(panel.openLesson(path));
  auto *next = child<QPushButton>(&panel, "lessonNextButton");
  auto *back = child<QPushButton>(&panel, "lessonBackButton");
  auto *label = child<QLabel>(&panel, "lessonStepLabel");
  std::vector<Snapshot> seen;
  for (int k = 0; k < count; ++k) {
    if (k > 0)
      QTest::mouseClick(next, Qt::LeftButton);
    const QString where = path + QStringLiteral(" step %1").arg(k);
    QCOMPARE(panel.runner()->currentStep(), k);
    QVERIFY2(panel.errorText().isEmpty(), qPrintable(panel.errorText()));
    QCOMPARE(label->text(), QStringLiteral("Step %1 of %2").arg(k + 1).arg(count));
    QVERIFY(!child<QTextBrowser>(&panel, "lessonText")->toPlainText().trimmed().isEmpty());
    const LessonState state = lesson->stateAt(k);
    QCOMPARE(session.modelSource(), state.model);
    if (state.read) {
      QCOMPARE(session.tapeText(), *state.read);
      QCOMPARE(session.steps(), int(state.read->size()));
    }
    QCOMPARE(session.selectedLayer(), state.layer);
    QCOMPARE(session.selectedUnit(), state.unit);
    if (state.quantity)
      QCOMPARE(session.selectedQuantity(), *state.quantity);
    QVERIFY2(session.interventions() == state.interventions, qPrintable(where));
    QCOMPARE(session.cursor(), state.cursor >= 0 ? state.cursor : session.steps() - 1);
    if (!state.view.isEmpty())
      QCOMPARE(views.last().at(0).toString(), state.view);
    QCOMPARE(back->isEnabled(), k > 0);
    QCOMPARE(next->isEnabled(), k + 1 < count);
    seen.push_back(snapshot(session));
  }
  lstm::test::savePng(panel, QFileInfo(path).baseName() + QStringLiteral(".png"));
  for (int k = count - 2; k >= 0; --k) {
    QTest::mouseClick(back, Qt::LeftButton);
    QCOMPARE(panel.runner()->currentStep(), k);
    QVERIFY2(snapshot(session) == seen[std::size_t(k)], qPrintable(path + QStringLiteral(" back to step %1").arg(k)));
  }
}

void TestLessonPanel::interventionsActOnTheWholeText() {
  // The forget-gate lesson clamps f of unit 11 to 0: every step of the text is read again with it, not only the
  // steps after the cursor — and then the counter no longer counts.
  ExplorerSession session;
  LessonPanel panel(&session);
  QVERIFY(panel.openLesson(QStringLiteral(":/lessons/02-forget-gate.json")));
  const float depth5 = session.trace().value(0, Quantity::Cell, 13, 11); // five brackets deep
  QTest::mouseClick(child<QPushButton>(&panel, "lessonNextButton"), Qt::LeftButton);
  QCOMPARE(int(session.interventions().size()), 1);
  for (int step = 0; step < session.steps(); ++step)
    QCOMPARE(session.trace().value(0, Quantity::ForgetGate, step, 11), 0.0f);
  QVERIFY(depth5 > 2.0f);
  QVERIFY(session.trace().value(0, Quantity::Cell, 13, 11) < 0.7f); // only the last bracket is left
  QTest::mouseClick(child<QPushButton>(&panel, "lessonNextButton"), Qt::LeftButton);
  for (int step = 0; step < session.steps(); ++step)
    QCOMPARE(session.trace().value(0, Quantity::ForgetGate, step, 11), 1.0f);
}

void TestLessonPanel::opensOnlyWhatIsNotOpen() {
  QTemporaryDir dir;
  const QString path = writeLesson(dir, QStringLiteral("reload.json"), R"({"title": "R", "steps": [
      {"text": "a", "model": ":/models/examples/01-parens.lstm", "read": "(())\n"},
      {"text": "b", "unit": 3},
      {"text": "c", "model": ":/models/examples/01-parens.lstm", "reload": true},
      {"text": "d", "model": ":/models/examples/02-anbn.lstm", "read": "ab\n"}]})");
  ExplorerSession session;
  LessonPanel panel(&session);
  QStringList opened;
  panel.runner()->setOpener([&](const QString &model, QString *error) {
    opened << model;
    return session.openModel(model, error);
  });
  QVERIFY(panel.openLesson(path));
  auto *next = child<QPushButton>(&panel, "lessonNextButton");
  QTest::mouseClick(next, Qt::LeftButton);
  QCOMPARE(opened.size(), 1); // the same model stays open
  QTest::mouseClick(next, Qt::LeftButton);
  QCOMPARE(opened.size(), 2); // "reload": true
  QCOMPARE(session.tapeText(), QStringLiteral("(())\n")); // the text is read again into the fresh model
  QCOMPARE(session.selectedUnit(), 3);
  QTest::mouseClick(next, Qt::LeftButton);
  QCOMPARE(opened, (QStringList{QStringLiteral(":/models/examples/01-parens.lstm"),
                                QStringLiteral(":/models/examples/01-parens.lstm"),
                                QStringLiteral(":/models/examples/02-anbn.lstm")}));
  QTest::mouseClick(child<QPushButton>(&panel, "lessonBackButton"), Qt::LeftButton);
  QCOMPARE(session.modelSource(), QStringLiteral(":/models/examples/01-parens.lstm")); // Back reopens it
  QCOMPARE(session.tapeText(), QStringLiteral("(())\n"));
}

void TestLessonPanel::brokenLessonFileShowsItsMessage() {
  QTemporaryDir dir;
  const QString path = writeLesson(dir, QStringLiteral("broken.json"),
                                   R"({"title": "B", "steps": [{"text": "a"}, {"text": "b", "quantity": "z"}]})");
  ExplorerSession session;
  LessonPanel panel(&session);
  panel.show();
  QVERIFY(!panel.openLesson(path));
  const QString message =
      path + QStringLiteral(": steps[1].quantity: \"z\" is not one of i, f, g, o, c, h, a_i, a_f, a_g, a_o");
  QCOMPARE(panel.errorText(), message);
  QVERIFY(child<QLabel>(&panel, "lessonError")->isVisible());
  QVERIFY(!panel.runner()->hasLesson());
  QVERIFY(!child<QPushButton>(&panel, "lessonNextButton")->isEnabled());
  QVERIFY(panel.openLesson(QStringLiteral(":/lessons/03-counting.json"))); // a good one clears the message
  QVERIFY(panel.errorText().isEmpty());
  QVERIFY(!child<QLabel>(&panel, "lessonError")->isVisible());
}

void TestLessonPanel::unknownViewIsRefusedWithFileAndStep() {
  // The panel checks a lesson's views against the names the window gives it, not against a list of its own.
  QTemporaryDir dir;
  const QString path = writeLesson(dir, QStringLiteral("views.json"), R"({"title": "V", "steps": [
      {"text": "a", "model": ":/models/examples/01-parens.lstm", "view": "unitTraceDock"},
      {"text": "b"}, {"text": "c", "view": "heatmap"}]})");
  ExplorerSession session;
  LessonPanel panel(&session);
  panel.setViewNames({QStringLiteral("heatmapDock"), QStringLiteral("unitTraceDock")});
  panel.show();
  QVERIFY(!panel.openLesson(path));
  QCOMPARE(panel.errorText(),
           path + QStringLiteral(": steps[2].view: \"heatmap\" is not one of heatmapDock, unitTraceDock"));
  QVERIFY(!panel.runner()->hasLesson());
  QVERIFY(!session.hasModel()); // refused before any step was applied

  const QString fixed = writeLesson(dir, QStringLiteral("fixed.json"), R"({"title": "V", "steps": [
      {"text": "a", "model": ":/models/examples/01-parens.lstm", "view": "unitTraceDock"},
      {"text": "b"}, {"text": "c", "view": "heatmapDock"}]})");
  QSignalSpy views(&panel, &LessonPanel::viewRequested);
  QVERIFY2(panel.openLesson(fixed), qPrintable(panel.errorText()));
  QCOMPARE(views.count(), 1);
  QCOMPARE(views.front().front().toString(), QStringLiteral("unitTraceDock"));
}

void TestLessonPanel::stepProblemIsShownAndLessonGoesOn() {
  QTemporaryDir dir;
  const QString path = writeLesson(dir, QStringLiteral("misfit.json"), R"({"title": "M", "steps": [
      {"text": "a", "model": ":/models/examples/01-parens.lstm", "read": "(())\n", "unit": 40},
      {"text": "b", "unit": 2, "read": "abc"},
      {"text": "c", "model": "missing.lstm"},
      {"text": "d", "model": ":/models/examples/01-parens.lstm", "read": "(())\n", "unit": 2, "cursor": 3}]})");
  ExplorerSession session;
  LessonPanel panel(&session);
  QVERIFY(!panel.openLesson(path));
  QCOMPARE(panel.errorText(), path + QStringLiteral(": steps[0].unit: 40 is outside 0…15"));
  auto *next = child<QPushButton>(&panel, "lessonNextButton");
  QTest::mouseClick(next, Qt::LeftButton);
  QVERIFY2(panel.errorText().startsWith(path + QStringLiteral(": steps[1].read: The character 'a'")),
           qPrintable(panel.errorText()));
  QTest::mouseClick(next, Qt::LeftButton);
  QVERIFY2(panel.errorText().startsWith(path + QStringLiteral(": steps[2].model: ")), qPrintable(panel.errorText()));
  QVERIFY(panel.errorText().contains(QStringLiteral("missing.lstm")));
  QTest::mouseClick(next, Qt::LeftButton);
  QVERIFY(panel.errorText().isEmpty());
  QCOMPARE(session.selectedUnit(), 2);
  QCOMPARE(session.cursor(), 3);
}

void TestLessonPanel::opensLessonFileThroughDialog() {
  QTemporaryDir dir;
  const QString path = writeLesson(dir, QStringLiteral("mine.json"), R"({"title": "My lesson", "steps": [
      {"text": "Mine", "model": ":/models/examples/02-anbn.lstm", "read": "aabb\n", "unit": 5}]})");
  QString asked;
  dialogs::setHooks({[&](const QString &caption) {
    asked = caption;
    return path;
  }});
  ExplorerSession session;
  LessonPanel panel(&session);
  panel.show();
  auto *chooser = child<QComboBox>(&panel, "lessonChooser");
  chooser->setFocus();
  QTest::keyClick(chooser, Qt::Key_End); // "Open lesson file…"
  QCOMPARE(asked, QStringLiteral("Open lesson"));
  QCOMPARE(panel.runner()->source(), path);
  QCOMPARE(session.selectedUnit(), 5);
  QCOMPARE(chooser->currentText(), QStringLiteral("6. My lesson"));
  QCOMPARE(chooser->count(), 8);
  dialogs::setHooks({[](const QString &) { return QString(); }}); // cancelled: the chooser shows the lesson again
  QTest::keyClick(chooser, Qt::Key_End);
  QCOMPARE(chooser->currentText(), QStringLiteral("6. My lesson"));
  QCOMPARE(panel.runner()->source(), path);
}

void TestLessonPanel::keysAndAnswerToggle() {
  ExplorerSession session;
  LessonPanel panel(&session);
  ExplorerKeys keys(&panel); // the window's keys, as MainWindow binds them
  keys.bind(Qt::Key_PageDown, Qt::NoModifier, panel.nextStepAction(), true);
  keys.bind(Qt::Key_PageUp, Qt::NoModifier, panel.previousStepAction(), true);
  panel.show();
  QVERIFY(QTest::qWaitForWindowExposed(&panel));
  panel.activateWindow();
  QVERIFY(panel.openLesson(QStringLiteral(":/lessons/01-memory-cell.json")));
  child<QTextBrowser>(&panel, "lessonText")->setFocus(); // the browser would scroll a page on its own
  QTest::keyClick(child<QTextBrowser>(&panel, "lessonText"), Qt::Key_PageDown);
  QCOMPARE(panel.runner()->currentStep(), 1);
  QTest::keyClick(child<QTextBrowser>(&panel, "lessonText"), Qt::Key_PageUp);
  QCOMPARE(panel.runner()->currentStep(), 0);
  auto *question = child<QLabel>(&panel, "lessonQuestion");
  auto *answer = child<QLabel>(&panel, "lessonAnswer");
  QVERIFY(question->isVisible());
  QVERIFY(question->text().startsWith(QStringLiteral("Move the cursor")));
  QVERIFY(!answer->isVisible());
  QTest::mouseClick(child<QPushButton>(&panel, "lessonAnswerButton"), Qt::LeftButton);
  QVERIFY(answer->isVisible());
  QVERIFY(answer->text().contains(QStringLiteral("0.6")));
  QTest::mouseClick(child<QPushButton>(&panel, "lessonNextButton"), Qt::LeftButton);
  QVERIFY(!answer->isVisible()); // a new step hides the answer again
}

void TestLessonPanel::followsLanguageChange() {
  ExplorerSession session;
  LessonPanel panel(&session);
  panel.resize(420, 640);
  panel.show();
  QVERIFY(panel.openLesson(QStringLiteral(":/lessons/01-memory-cell.json")));
  auto *text = child<QTextBrowser>(&panel, "lessonText");
  auto *chooser = child<QComboBox>(&panel, "lessonChooser");
  QVERIFY(text->toPlainText().contains(QStringLiteral("memory")));
  panel.grab().save(QStringLiteral("/tmp/lesson_en.png"));
  QLocale::setDefault(QLocale(QStringLiteral("zh_CN")));
  QEvent change(QEvent::LanguageChange);
  QCoreApplication::sendEvent(&panel, &change);
  QVERIFY2(text->toPlainText().contains(QStringLiteral("记忆")), qPrintable(text->toPlainText()));
  QCOMPARE(child<QLabel>(&panel, "lessonStepTitle")->text(), QStringLiteral("单元状态就是记忆"));
  QVERIFY(child<QLabel>(&panel, "lessonQuestion")->text().contains(QStringLiteral("光标")));
  QCOMPARE(chooser->itemText(1), QStringLiteral("1. 记忆单元与三个门"));
  QCOMPARE(chooser->currentIndex(), 1);     // the chosen lesson stays chosen …
  QCOMPARE(panel.runner()->currentStep(), 0); // … at its step, and the session is untouched
  QCOMPARE(session.selectedUnit(), 11);
  panel.grab().save(QStringLiteral("/tmp/lesson_zh.png"));
  QLocale::setDefault(QLocale(QStringLiteral("en")));
  QCoreApplication::sendEvent(&panel, &change);
  QVERIFY(text->toPlainText().contains(QStringLiteral("memory")));
}

QTEST_MAIN(TestLessonPanel)
#include "tst_lesson_panel.moc"
