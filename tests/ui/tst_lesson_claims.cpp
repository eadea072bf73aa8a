// Every shipped lesson, walked step by step in the real MainWindow from a first launch with Page Down (keys typed
// into the window, no focus set by the test), its texts checked against what the window then shows: the cursor
// is where the step puts it and where its text says ("the cursor is on step 5"); every "step N" names the
// character the text says it is ("step 5, the fourth `(` of the first line", "a `)`", "the line break (step 9"),
// at the depth it says ("one bracket still open", "five brackets deep"), counting steps from 1 as the explorer
// shows them; the Chinese text names the same steps; the requested view is on screen; the gradient-flow view
// has a curve; interventions act on every step; and the invitation to try f = 0.9 visibly acts when followed.
#include "common/dialogs.h"
#include "explore/guided_lesson.h"
#include "explorer/explorer_session.h"
#include "explorer/gradient_flow_view.h"
#include "first_launch_window.h"
#include "lessons/lesson_panel.h"
#include "lessons/lesson_runner.h"
#include "main_window.h"

#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace lstm;

namespace {

int ordinal(const QString &word) {
  static const QStringList words{QStringLiteral("first"), QStringLiteral("second"), QStringLiteral("third"),
                                 QStringLiteral("fourth"), QStringLiteral("fifth"), QStringLiteral("sixth"),
                                 QStringLiteral("seventh")};
  return int(words.indexOf(word.toLower())) + 1; // 0 when not an ordinal
}

int cardinal(const QString &word) {
  static const QStringList words{QStringLiteral("one"), QStringLiteral("two"),  QStringLiteral("three"),
                                 QStringLiteral("four"), QStringLiteral("five"), QStringLiteral("six"),
                                 QStringLiteral("seven")};
  bool isNumber = false;
  const int number = word.toInt(&isNumber);
  return isNumber ? number : int(words.indexOf(word.toLower())) + 1;
}

// The text's "step N" numbers, in order (English "step N", Chinese "第 N 步").
QList<int> stepNumbers(const QString &text) {
  QList<int> numbers;
  static const QRegularExpression pattern(QStringLiteral("(?:[Ss]tep (\\d+)|第 (\\d+) 步)"));
  for (auto it = pattern.globalMatch(text); it.hasNext();) {
    const auto match = it.next();
    numbers << (match.captured(1).isEmpty() ? match.captured(2) : match.captured(1)).toInt();
  }
  return numbers;
}

} // namespace

class TestLessonClaims : public QObject {
  Q_OBJECT
private Q_SLOTS:
  void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
  void init() { test::openFirstLaunchWindow(m_window); }
  void cleanup();
  void everyStepMatchesTheScreen_data();
  void everyStepMatchesTheScreen();
  void forgetGateLessonInvitesAClampThatActs();

private:
  ExplorerSession *session() const { return m_window->session(); }
  void press(int key) { QTest::keyClick(m_window->windowHandle(), Qt::Key(key)); }
  // The claims of one English text about the tape at the current screen; `where` names the step in failures.
  void checkClaims(const QString &text, const QString &where);
  int lineOf(int index) const { return int(session()->tapeText().left(index).count(QLatin1Char('\n'))); }
  int lineStart(int index) const {
    return index == 0 ? 0 : int(session()->tapeText().lastIndexOf(QLatin1Char('\n'), index - 1)) + 1;
  }
  int depthAfter(int index) const; // open brackets after reading characters 0…index

  std::unique_ptr<MainWindow> m_window;
};

void TestLessonClaims::cleanup() {
  m_window.reset();
  dialogs::setHooks({});
}

int TestLessonClaims::depthAfter(int index) const {
  const QString text = session()->tapeText();
  int depth = 0;
  for (int i = lineStart(index); i <= index; ++i)
    depth += text[i] == QLatin1Char('(') ? 1 : text[i] == QLatin1Char(')') ? -1 : 0;
  return depth;
}

void TestLessonClaims::checkClaims(const QString &text, const QString &where) {
  const QString tape = session()->tapeText();
  const auto charAt = [&](int step) { return step >= 1 && step <= tape.size() ? tape[step - 1] : QChar(); };
  const auto fail = [&](const QString &claim) { QFAIL(qPrintable(where + QStringLiteral(": ") + claim)); };
  const QString quote = QStringLiteral("[`\"\\\\]*");
  // "the cursor is on step N", "(step N, where the cursor is)", "(step N, the cursor)", "cursor at step N"
  static const QRegularExpression cursorClaim(QStringLiteral(
      "cursor is (?:now )?on step (\\d+)|step (\\d+), (?:where )?the cursor|cursor at step (\\d+)"));
  for (auto it = cursorClaim.globalMatch(text); it.hasNext();) {
    const auto m = it.next();
    const int step = QString(m.captured(1) + m.captured(2) + m.captured(3)).toInt();
    if (session()->cursor() != step - 1)
      fail(QStringLiteral("says the cursor is on step %1, it is on step %2").arg(step).arg(session()->cursor() + 1));
  }
  // "step N, the fourth `(` of the first line", "step N, a `)`", "step N, the `)`", "step N (a ")" …"
  const QRegularExpression charClaim(QStringLiteral("[Ss]tep (\\d+)(?:,| \\() ?(?:the (?:very )?(\\w+) |the |a )") + quote +
                                     QStringLiteral("([()ab])") + quote +
                                     QStringLiteral("(?: of the (\\w+) line)?"));
  for (auto it = charClaim.globalMatch(text); it.hasNext();) {
    const auto m = it.next();
    const int step = m.captured(1).toInt();
    const QChar c = m.captured(3)[0];
    if (charAt(step) != c)
      fail(QStringLiteral("step %1 reads '%2', not '%3'").arg(step).arg(charAt(step)).arg(c));
    if (const int nth = ordinal(m.captured(2)); nth > 0) {
      const int index = step - 1;
      const int count = int(tape.mid(lineStart(index), index - lineStart(index) + 1).count(c));
      if (count != nth)
        fail(QStringLiteral("step %1 is '%2' number %3 of its line, not %4").arg(step).arg(c).arg(count).arg(nth));
    }
    if (const int line = ordinal(m.captured(4)); line > 0 && lineOf(step - 1) + 1 != line)
      fail(QStringLiteral("step %1 is on line %2, not %3").arg(step).arg(lineOf(step - 1) + 1).arg(line));
  }
  // "the line break (step N", "the second line break (step N", "the line break at step N" (not "sure of a line
  // break at step N", which is about the prediction there)
  static const QRegularExpression breakClaim(QStringLiteral("(?:the|first|second|third) line break (?:\\(|at )step (\\d+)"));
  for (auto it = breakClaim.globalMatch(text); it.hasNext();) {
    const int step = it.next().captured(1).toInt();
    if (charAt(step) != QLatin1Char('\n'))
      fail(QStringLiteral("step %1 is not a line break").arg(step));
  }
  // "step N … one bracket still open", "step N … five brackets deep", "step N … the brackets are 3 deep"
  static const QRegularExpression depthClaim(QStringLiteral(
      "step (\\d+)[^.]*?(?:(\\w+) brackets? still open|(\\w+) brackets deep|brackets are (\\w+) deep)"));
  for (auto it = depthClaim.globalMatch(text); it.hasNext();) {
    const auto m = it.next();
    const int step = m.captured(1).toInt();
    const int depth = cardinal(QString(m.captured(2) + m.captured(3) + m.captured(4)));
    if (depthAfter(step - 1) != depth)
      fail(QStringLiteral("after step %1 the depth is %2, not %3").arg(step).arg(depthAfter(step - 1)).arg(depth));
  }
  // "Six of the seven (step N" : the character of step N, counted in its line
  static const QRegularExpression countClaim(QStringLiteral("(\\w+) of the \\w+ \\(step (\\d+)"));
  for (auto it = countClaim.globalMatch(text); it.hasNext();) {
    const auto m = it.next();
    const int step = m.captured(2).toInt(), index = step - 1;
    const int count = int(tape.mid(lineStart(index), index - lineStart(index) + 1).count(charAt(step)));
    if (count != cardinal(m.captured(1)))
      fail(QStringLiteral("step %1 is '%2' number %3 of its line").arg(step).arg(charAt(step)).arg(count));
  }
}

void TestLessonClaims::everyStepMatchesTheScreen_data() {
  QTest::addColumn<QString>("path");
  for (const QString &path : LessonPanel::shippedLessons())
    QTest::newRow(qPrintable(path)) << path;
}

void TestLessonClaims::everyStepMatchesTheScreen() {
  QFETCH(QString, path);
  Problem problem;
  const std::optional<GuidedLesson> lesson = GuidedLesson::load(path, &problem);
  QVERIFY(lesson);
  QVERIFY(m_window->startLesson(path));
  LessonRunner *runner = m_window->lessonPanel()->runner();
  QTRY_COMPARE(runner->currentStep(), 0);
  for (int k = 0; k < int(lesson->steps.size()); ++k) {
    if (k > 0) {
      press(Qt::Key_PageDown);
      QTRY_COMPARE(runner->currentStep(), k);
    }
    const QString where = path + QStringLiteral(" step %1").arg(k + 1);
    const LessonStep &step = lesson->steps[std::size_t(k)];
    // The cursor: where the step puts it, else on the last step read.
    QCOMPARE(session()->cursor(), step.cursor >= 0 ? step.cursor : session()->steps() - 1);
    for (const LocalizedText *text : {&step.text, &step.question, &step.answer}) {
      if (text->isEmpty())
        continue;
      const QString english = text->in(QStringLiteral("en")), chinese = text->in(QStringLiteral("zh_CN"));
      if (!session()->isSeriesTape())
        checkClaims(english, where);
      if (QTest::currentTestFailed())
        return;
      QVERIFY2(stepNumbers(english) == stepNumbers(chinese), qPrintable(where + QStringLiteral(": zh names other steps")));
    }
    // The view it asks for is on screen.
    if (!step.view.isEmpty()) {
      auto *dock = m_window->findChild<QDockWidget *>(step.view);
      QTRY_VERIFY2(dock && dock->isVisible() && !dock->visibleRegion().isEmpty(), qPrintable(where + QLatin1Char(' ') + step.view));
    }
    // A step about the gradient flow shows a curve (the cursor's loss needs the next character: not the last step).
    if (step.view == QStringLiteral("gradientFlowDock")) {
      GradientFlowView *flow = m_window->gradientFlowView();
      flow->refreshNow();
      QVERIFY2(flow->cellFlow().size() > 1, qPrintable(where + QStringLiteral(": empty gradient-flow curve")));
    }
    // The interventions of the step act on every step of the text.
    const LessonState state = lesson->stateAt(k);
    QCOMPARE(session()->interventions(), state.interventions);
    for (const Intervention &intervention : state.interventions) {
      if (intervention.kind != InterventionKind::ClampGate)
        continue;
      const Quantity gate = intervention.gate == Gate::Forget ? Quantity::ForgetGate
                            : intervention.gate == Gate::Input ? Quantity::InputGate
                            : intervention.gate == Gate::Cell  ? Quantity::CandidateGate
                                                               : Quantity::OutputGate;
      for (int s = 0; s < session()->steps(); ++s)
        QCOMPARE(session()->trace().value(intervention.layer, gate, s, intervention.unit), intervention.value);
    }
  }
}

// The forget-gate lesson's last step invites the student to try f = 0.9 in the Interventions dock. Done with the
// mouse and keys as a student would, it acts on the whole text and the unit's trace changes at once.
void TestLessonClaims::forgetGateLessonInvitesAClampThatActs() {
  QString path;
  for (const QString &candidate : LessonPanel::shippedLessons())
    if (candidate.contains(QStringLiteral("forget")))
      path = candidate;
  QVERIFY(m_window->startLesson(path));
  LessonRunner *runner = m_window->lessonPanel()->runner();
  QTRY_COMPARE(runner->currentStep(), 0);
  while (runner->currentStep() + 1 < runner->stepCount()) {
    const int k = runner->currentStep();
    press(Qt::Key_PageDown);
    QTRY_COMPARE(runner->currentStep(), k + 1);
  }
  QVERIFY(session()->interventions().empty());
  const int unit = session()->selectedUnit();
  const Trace &trace = session()->trace();
  std::vector<float> cells;
  for (int s = 0; s < session()->steps(); ++s)
    cells.push_back(trace.value(0, Quantity::Cell, s, unit));

  auto *spin = m_window->findChild<QDoubleSpinBox *>(QStringLiteral("interventionValueSpin"));
  QVERIFY(spin && spin->isVisible());
  QTest::mouseClick(spin, Qt::LeftButton, {}, spin->rect().center());
  QTRY_VERIFY(spin->hasFocus());
  QTest::keyClick(m_window->windowHandle(), Qt::Key_A, Qt::ControlModifier);
  for (char c : {'0', '.', '9'})
    QTest::keyClick(m_window->windowHandle(), c);
  QCOMPARE(spin->value(), 0.9);
  auto *apply = m_window->findChild<QPushButton *>(QStringLiteral("addInterventionButton"));
  QTest::mouseClick(apply, Qt::LeftButton, {}, apply->rect().center());
  QCOMPARE(session()->interventions().size(), std::size_t(1));
  int changed = 0;
  for (int s = 0; s < session()->steps(); ++s) {
    QCOMPARE(trace.value(0, Quantity::ForgetGate, s, unit), 0.9f);
    changed += trace.value(0, Quantity::Cell, s, unit) != cells[std::size_t(s)] ? 1 : 0;
  }
  QVERIFY(changed > session()->steps() / 2);
  auto *status = m_window->findChild<QLabel *>(QStringLiteral("interventionStatusLabel"));
  QCOMPARE(status->text(), QStringLiteral("Applied. Steps 1–%1 were recomputed.").arg(session()->steps()));
}

QTEST_MAIN(TestLessonClaims)
#include "tst_lesson_claims.moc"
