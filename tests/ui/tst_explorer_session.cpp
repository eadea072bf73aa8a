// ExplorerSession: the tape, stepping and exact undo, write mode, pick mode, runTo in slices,
// interventions re-running the steps from the cursor on (its own step included), and the CSV export read back.
#include "explorer/explorer_csv.h"
#include "explorer/explorer_session.h"
#include "ui_test_models.h"
#include "ui_test_helpers.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace lstm;
using test::sameState;

namespace {
// Every recorded value of two traces, bit for bit: tokens, losses and every quantity of every layer and unit.
bool sameTrace(const Trace &a, const Trace &b, int layers, int units, QString *where) {
  if (a.steps() != b.steps()) {
    *where = QStringLiteral("%1 steps against %2").arg(a.steps()).arg(b.steps());
    return false;
  }
  for (int s = 0; s < a.steps(); ++s) {
    if (a.token(s) != b.token(s) || !(a.loss(s) == b.loss(s) || (std::isnan(a.loss(s)) && std::isnan(b.loss(s))))) {
      *where = QStringLiteral("token or loss of step %1").arg(s);
      return false;
    }
    for (int layer = 0; layer < layers; ++layer)
      for (int q = 0; q < kQuantityCount; ++q)
        for (int unit = 0; unit < units; ++unit)
          if (a.value(layer, Quantity(q), s, unit) != b.value(layer, Quantity(q), s, unit)) {
            *where = QStringLiteral("step %1, layer %2, %3, unit %4").arg(s).arg(layer).arg(QLatin1String(toString(Quantity(q)))).arg(unit);
            return false;
          }
  }
  return true;
}

// Minimal RFC 4180 reader: enough to check what writeTraceCsv writes.
QList<QStringList> parseCsv(const QString &text) {
  QList<QStringList> rows;
  QStringList row;
  QString field;
  bool quoted = false;
  for (qsizetype i = 0; i < text.size(); ++i) {
    const QChar c = text[i];
    if (quoted) {
      if (c == QLatin1Char('"') && i + 1 < text.size() && text[i + 1] == QLatin1Char('"')) {
        field += c;
        ++i;
      } else if (c == QLatin1Char('"')) {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == QLatin1Char('"')) {
      quoted = true;
    } else if (c == QLatin1Char(',')) {
      row << field;
      field.clear();
    } else if (c == QLatin1Char('\n')) {
      row << field;
      rows << row;
      row.clear();
      field.clear();
    } else {
      field += c;
    }
  }
  return rows;
}
} // namespace

class TestExplorerSession : public QObject {
  Q_OBJECT
private Q_SLOTS:
  void init();
  void textOutsideVocabularyIsRefused();
  void stepAndBackRestoreExactState();
  void readModeStopsAtTheEndOfTheText();
  void writeModeIsDeterministicForASeed();
  void pickModeWaitsForTheUser();
  void runToStepsInSlices();
  void interventionRerunsTheStepsFromTheCursor();
  void rerunEqualsAFreshReadWithTheIntervention_data();
  void rerunEqualsAFreshReadWithTheIntervention();
  void rerunInWriteModeKeepsTheInspectedCharacter();
  void rereadFromStartAppliesToEveryStep();
  void cursorStaysInsideTheTrace();
  void csvExportReadsBack();
  void setWeightsRereadsTheSameText();

private:
  std::unique_ptr<ExplorerSession> m_session;
};

void TestExplorerSession::init() {
  m_session = std::make_unique<ExplorerSession>();
  m_session->setModel(test::randomCharModel(test::kTestAlphabet, 12, 2), QStringLiteral("random"));
}

void TestExplorerSession::textOutsideVocabularyIsRefused() {
  QString error;
  QVERIFY(m_session->setText(QStringLiteral("abc"), &error));
  QVERIFY(!m_session->setText(QStringLiteral("ab#c"), &error));
  QVERIFY2(error.contains(QStringLiteral("'#'")) && error.contains(QStringLiteral("position 3")), qPrintable(error));
  QCOMPARE(m_session->tapeText(), QStringLiteral("abc")); // nothing changed
  QVERIFY(!m_session->appendText(QStringLiteral("\t"), &error));
  QVERIFY2(error.contains(QStringLiteral("\\t")), qPrintable(error));
  QVERIFY(m_session->appendText(QStringLiteral("春眠"), &error));
  QCOMPARE(m_session->tapeText(), QStringLiteral("abc春眠"));
}

void TestExplorerSession::stepAndBackRestoreExactState() {
  QString error;
  QVERIFY(m_session->setText(QStringLiteral("hello world, (quoted) 春眠不觉晓"), &error));
  std::vector<NetworkState> states{m_session->state()};
  for (int i = 0; i < 20; ++i) {
    QVERIFY(m_session->stepForward());
    states.push_back(m_session->state());
  }
  const float f7 = m_session->trace().value(1, Quantity::ForgetGate, 7, 3);
  for (int k = 1; k <= 13; ++k) {
    QVERIFY(m_session->stepBack());
    QVERIFY2(sameState(m_session->state(), states[std::size_t(20 - k)]), qPrintable(QString::number(k)));
  }
  QCOMPARE(m_session->steps(), 7);
  QCOMPARE(m_session->cursor(), 6);
  QVERIFY(m_session->stepForward()); // re-reads the same character: bit-identical values
  QCOMPARE(m_session->trace().value(1, Quantity::ForgetGate, 7, 3), f7);
  m_session->reset();
  QCOMPARE(m_session->steps(), 0);
  QCOMPARE(m_session->cursor(), -1);
  QVERIFY(!m_session->stepBack());
}

void TestExplorerSession::readModeStopsAtTheEndOfTheText() {
  QString error;
  QVERIFY(m_session->setText(QStringLiteral("ab"), &error));
  QSignalSpy messages(m_session.get(), &ExplorerSession::message);
  QCOMPARE(m_session->stepMany(10), 2);
  QVERIFY(!m_session->stepForward());
  QCOMPARE(messages.count(), 1);
  QVERIFY(messages.front().front().toString().contains(QStringLiteral("End of the text")));
}

void TestExplorerSession::writeModeIsDeterministicForASeed() {
  SamplingOptions options;
  options.temperature = 0.9;
  options.seed = 42;
  QString error;
  auto write = [&](std::uint64_t seed) {
    options.seed = seed;
    m_session->setSamplingOptions(options);
    m_session->setText(QStringLiteral("the "), &error);
    m_session->setMode(DriveMode::Read);
    m_session->stepMany(4);
    m_session->setMode(DriveMode::Write);
    m_session->stepMany(60);
    return m_session->tapeText();
  };
  const QString first = write(42);
  QCOMPARE(first.size(), 64);
  QVERIFY(first.startsWith(QStringLiteral("the ")));
  QCOMPARE(write(42), first);
  QVERIFY(write(43) != first);
  // Each written character was read at the next step.
  for (int s = 0; s < m_session->steps(); ++s)
    QCOMPARE(m_session->trace().token(s), m_session->tapeToken(s));
}

void TestExplorerSession::pickModeWaitsForTheUser() {
  m_session->setMode(DriveMode::Write);
  m_session->setPickMode(true);
  QVERIFY(!m_session->stepForward());
  const int token = m_session->model().vocabulary.idOf(U'q');
  QVERIFY(m_session->stepWithToken(token));
  QVERIFY(m_session->stepWithToken(m_session->model().vocabulary.idOf(U'u')));
  QCOMPARE(m_session->tapeText(), QStringLiteral("qu"));
  QVERIFY(!m_session->stepWithToken(-1));
  m_session->setMode(DriveMode::Read);
  QVERIFY(!m_session->stepWithToken(token));
}

void TestExplorerSession::runToStepsInSlices() {
  QString text;
  for (int i = 0; i < 400; ++i)
    text += QStringLiteral("abc (de) fgh, ");
  QString error;
  QVERIFY(m_session->setText(text, &error));
  QVERIFY(m_session->runTo(int(text.size())));
  QTRY_COMPARE(m_session->steps(), int(text.size()));
  QCOMPARE(m_session->cursor(), int(text.size()) - 1);
  QVERIFY(m_session->runTo(10)); // backwards is immediate
  QCOMPARE(m_session->steps(), 10);
  QVERIFY(!m_session->runTo(int(text.size()) + 1)); // beyond the text in read mode
}

void TestExplorerSession::interventionRerunsTheStepsFromTheCursor() {
  QString error;
  QVERIFY(m_session->setText(QStringLiteral("an example sentence (with brackets)"), &error));
  const int steps = m_session->stepMany(100);
  const Trace &trace = m_session->trace();
  std::vector<float> before;
  for (int s = 0; s < steps; ++s)
    before.push_back(trace.value(0, Quantity::Cell, s, 5));
  m_session->setCursor(10); // the intervention acts from the inspected step on, that step included
  QSignalSpy traceChanges(m_session.get(), &ExplorerSession::traceChanged);
  QVERIFY(m_session->addIntervention(Intervention::clampGate(0, 5, Gate::Forget, 0.0f), &error));
  QCOMPARE(traceChanges.count(), 1);
  QCOMPARE(m_session->steps(), steps);
  QCOMPARE(m_session->cursor(), 10); // the focus stays where the user put it
  for (int s = 0; s <= 9; ++s)
    QCOMPARE(trace.value(0, Quantity::Cell, s, 5), before[std::size_t(s)]);
  for (int s = 10; s < steps; ++s) {
    QCOMPARE(trace.value(0, Quantity::ForgetGate, s, 5), 0.0f);
    QCOMPARE(trace.value(0, Quantity::Cell, s, 5),
             trace.value(0, Quantity::InputGate, s, 5) * trace.value(0, Quantity::CandidateGate, s, 5));
  }
  QVERIFY(!m_session->addIntervention(Intervention::clampGate(0, 5, Gate::Forget, 0.0f), &error)); // duplicate
  QVERIFY(!m_session->addIntervention(Intervention::zeroCell(0, 12), &error));                    // no unit 12
  m_session->removeIntervention(0);
  for (int s = 0; s < steps; ++s)
    QCOMPARE(trace.value(0, Quantity::Cell, s, 5), before[std::size_t(s)]);
}

void TestExplorerSession::rerunEqualsAFreshReadWithTheIntervention_data() {
  QTest::addColumn<int>("cursor");
  QTest::newRow("first step") << 0;
  QTest::newRow("mid-text") << 13;
  QTest::newRow("last step") << 29;
}

// Exactness: what the session shows after an intervention at the cursor is what a stepper computes that reads
// steps 0…cursor−1 without it and every step from the cursor on with it.
void TestExplorerSession::rerunEqualsAFreshReadWithTheIntervention() {
  QFETCH(int, cursor);
  QString error;
  QVERIFY(m_session->setText(QStringLiteral("thirty characters (or so) read"), &error));
  QCOMPARE(m_session->stepMany(30), 30);
  m_session->setCursor(cursor);
  const Intervention clamp = Intervention::clampGate(1, 4, Gate::Forget, 0.9f);
  QVERIFY(m_session->addIntervention(clamp, &error));
  QVERIFY(m_session->addIntervention(Intervention::addCell(0, 2, 0.5f), &error));
  QCOMPARE(m_session->cursor(), cursor);
  QCOMPARE(m_session->trace().value(1, Quantity::ForgetGate, cursor, 4), 0.9f); // the inspected step itself

  Stepper fresh(m_session->sharedModel(), 32);
  for (int s = 0; s < 30; ++s) {
    if (s == cursor) {
      QVERIFY(fresh.addIntervention(clamp));
      QVERIFY(fresh.addIntervention(Intervention::addCell(0, 2, 0.5f)));
    }
    fresh.step(m_session->tapeToken(s));
  }
  QString where;
  QVERIFY2(sameTrace(m_session->trace(), fresh.trace(), 2, 12, &where), qPrintable(where));
  QVERIFY(sameState(m_session->state(), fresh.state()));

  // Removing it at the same cursor gives back the plain read, bit for bit.
  m_session->clearInterventions();
  Stepper plain(m_session->sharedModel(), 32);
  for (int s = 0; s < 30; ++s)
    plain.step(m_session->tapeToken(s));
  QVERIFY2(sameTrace(m_session->trace(), plain.trace(), 2, 12, &where), qPrintable(where));
}

void TestExplorerSession::rerunInWriteModeKeepsTheInspectedCharacter() {
  QString error;
  QVERIFY(m_session->setText(QStringLiteral("ab"), &error));
  m_session->setMode(DriveMode::Write);
  QCOMPARE(m_session->stepMany(20), 20);
  const QString written = m_session->tapeText();
  m_session->setCursor(8);
  QVERIFY(m_session->addIntervention(Intervention::setCell(1, 0, 40.0f), &error));
  QCOMPARE(m_session->steps(), 20);
  // The inspected step reads the character it read before (it was written before the intervention acted) …
  QCOMPARE(m_session->tapeText().left(9), written.left(9));
  QCOMPARE(m_session->trace().value(1, Quantity::Cell, 8, 0), 40.0f);
  // … and the later ones are written again by the changed network.
  QCOMPARE(m_session->trace().value(1, Quantity::Cell, 19, 0), 40.0f);
}

void TestExplorerSession::rereadFromStartAppliesToEveryStep() {
  QString error;
  QVERIFY(m_session->setText(QStringLiteral("read it all again"), &error));
  const int steps = m_session->stepMany(100);
  QVERIFY(!m_session->interventionsDifferFromRecorded());
  const Intervention clamp = Intervention::clampGate(0, 3, Gate::Forget, 0.0f);
  QVERIFY(m_session->addIntervention(clamp, &error)); // at the last step: the earlier ones ran without it
  QVERIFY(m_session->interventionsDifferFromRecorded());
  QSignalSpy traces(m_session.get(), &ExplorerSession::traceChanged);
  QVERIFY(m_session->rereadFromStart());
  QCOMPARE(traces.count(), 1);
  QCOMPARE(m_session->steps(), steps);
  QCOMPARE(m_session->cursor(), steps - 1);
  QVERIFY(!m_session->interventionsDifferFromRecorded());
  Stepper fresh(m_session->sharedModel(), 32);
  QVERIFY(fresh.addIntervention(clamp));
  for (int s = 0; s < steps; ++s)
    fresh.step(m_session->tapeToken(s));
  QString where;
  QVERIFY2(sameTrace(m_session->trace(), fresh.trace(), 2, 12, &where), qPrintable(where));

  m_session->reset();
  QSignalSpy messages(m_session.get(), &ExplorerSession::message);
  QVERIFY(!m_session->rereadFromStart()); // nothing read: says so
  QCOMPARE(messages.count(), 1);
}

void TestExplorerSession::cursorStaysInsideTheTrace() {
  QString error;
  m_session->setText(QStringLiteral("abcdef"), &error);
  m_session->stepMany(4);
  QSignalSpy cursor(m_session.get(), &ExplorerSession::cursorChanged);
  m_session->setCursor(100);
  QCOMPARE(m_session->cursor(), 3);
  m_session->setCursor(-5);
  QCOMPARE(m_session->cursor(), 0);
  QCOMPARE(cursor.count(), 1); // 3 → 3 was no change
}

void TestExplorerSession::csvExportReadsBack() {
  QString error;
  QVERIFY(m_session->setText(QStringLiteral("a, \"b\"\n春"), &error));
  const int steps = m_session->stepMany(100);
  QTemporaryDir dir;
  const QString path = dir.filePath(QStringLiteral("trace.csv"));
  QVERIFY2(m_session->exportTraceCsv(path, &error), qPrintable(error));
  QFile file(path);
  QVERIFY(file.open(QIODevice::ReadOnly));
  const QList<QStringList> rows = parseCsv(QString::fromUtf8(file.readAll()));
  QCOMPARE(rows.front().join(QLatin1Char(',')), QStringLiteral("step,char,layer,unit,i,f,g,o,c,h"));
  QCOMPARE(rows.size(), 1 + steps * 2 * 12);
  const Trace &trace = m_session->trace();
  const QList<Quantity> order{Quantity::InputGate, Quantity::ForgetGate, Quantity::CandidateGate,
                              Quantity::OutputGate, Quantity::Cell, Quantity::Hidden};
  for (int r = 1; r < rows.size(); ++r) {
    const QStringList &row = rows[r];
    QCOMPARE(row.size(), 10);
    const int step = row[0].toInt(), layer = row[2].toInt(), unit = row[3].toInt();
    QCOMPARE(row[1], m_session->tokenText(trace.token(step)));
    for (int q = 0; q < 6; ++q)
      QCOMPARE(row[4 + q].toFloat(), trace.value(layer, order[q], step, unit)); // 9 digits: exact floats
  }
  QVERIFY(!m_session->exportTraceCsv(QStringLiteral("/nonexistent-dir/trace.csv"), &error));
  QVERIFY2(error.startsWith(QStringLiteral("/nonexistent-dir/trace.csv: ")), qPrintable(error));
}

void TestExplorerSession::setWeightsRereadsTheSameText() {
  QString error;
  QVERIFY(m_session->setText(QStringLiteral("the same text, read by other weights"), &error));
  const int steps = m_session->stepMany(30);
  m_session->setCursor(10);
  QVERIFY(m_session->addIntervention(Intervention::clampGate(1, 3, Gate::Forget, 0.0f), &error)); // steps 10…29
  m_session->selectUnit(1, 3);
  const float cellBefore = m_session->trace().value(1, Quantity::Cell, 20, 3);

  // Later weights of the same network: same text, cursor, selection and interventions, new values.
  const auto later = test::randomCharModel(test::kTestAlphabet, 12, 2, /*seed*/ 7);
  QSignalSpy models(m_session.get(), &ExplorerSession::modelChanged);
  QSignalSpy traces(m_session.get(), &ExplorerSession::traceChanged);
  QVERIFY(m_session->setWeights(later, QStringLiteral("later")));
  QCOMPARE(models.count(), 0);
  QCOMPARE(traces.count(), 1);
  QCOMPARE(m_session->sharedModel(), later);
  QCOMPARE(m_session->steps(), steps);
  QCOMPARE(m_session->cursor(), 10);
  QCOMPARE(m_session->selectedUnit(), 3);
  QCOMPARE(m_session->interventions().size(), std::size_t(1));
  QVERIFY(m_session->trace().value(1, Quantity::Cell, 20, 3) != cellBefore);

  // Exactly what a fresh session with these weights computes, intervention from step 10 on included.
  ExplorerSession fresh;
  fresh.setModel(later, QStringLiteral("fresh"));
  QVERIFY(fresh.setText(m_session->tapeText(), &error));
  fresh.stepMany(11);
  fresh.setCursor(10);
  QVERIFY(fresh.addIntervention(Intervention::clampGate(1, 3, Gate::Forget, 0.0f), &error));
  fresh.stepMany(19);
  QVERIFY(test::sameState(fresh.state(), m_session->state()));
  for (int s = 0; s < steps; ++s)
    QCOMPARE(m_session->trace().value(1, Quantity::Cell, s, 3), fresh.trace().value(1, Quantity::Cell, s, 3));

  // Another shape or vocabulary is not "other weights": refused, nothing changes.
  QVERIFY(!m_session->setWeights(test::randomCharModel(test::kTestAlphabet, 8, 2), QStringLiteral("narrow")));
  QVERIFY(!m_session->setWeights(test::randomCharModel(QStringLiteral("abc"), 12, 2), QStringLiteral("abc")));
  QCOMPARE(m_session->sharedModel(), later);
}

QTEST_MAIN(TestExplorerSession)
#include "tst_explorer_session.moc"
