// NextTokenView: bars equal the trace's top-k at the cursor, the token read next is marked and its probability
// (from the loss) titled even outside the top-k, top-k spin, Chinese labels, pick-mode clicks, export.
#include "explorer/explorer_session.h"
#include "explorer/next_token_view.h"
#include "ui_test_models.h"
#include "ui_test_helpers.h"
#include "view_test_fixture.h"

#include <QFile>
#include <QImage>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>

using namespace lstm;
using test::savePng;

namespace {

const QString kText = QStringLiteral("the cat sat on the mat. 春眠不觉晓, the dog ran.\n");

} // namespace

class TestNextTokenView : public QObject, public test::ViewFixture<NextTokenView> {
  Q_OBJECT

  // Callers check QTest::currentTestFailed() after it.
  void open(int steps) { ViewFixture::open({.text = kText, .steps = steps, .size = {360, 420}}); }

  QWidget *plot() const { return m_view->findChild<QWidget *>(QStringLiteral("nextTokenPlot")); }
  QSpinBox *topKSpin() const { return m_view->findChild<QSpinBox *>(QStringLiteral("topKSpin")); }

  // The first k bars are the trace's top-k; one more is the token read next, when it is not among them.
  void compareWithTrace(int step, int k) {
    const Trace &trace = m_session->trace();
    const auto top = trace.topNext(step);
    const bool extra = step + 1 < trace.steps() &&
                       std::none_of(top.begin(), top.begin() + k,
                                    [&](const TokenProbability &entry) { return entry.token == trace.token(step + 1); });
    QCOMPARE(m_view->shownTokens().size(), k + int(extra));
    QCOMPARE(m_view->barCount(), k + int(extra));
    if (extra) {
      QCOMPARE(m_view->actualIndex(), k);
      QCOMPARE(m_view->shownTokens()[k], trace.token(step + 1));
      QCOMPARE(m_view->barValue(k), std::exp(-double(trace.loss(step))));
    }
    for (int i = 0; i < k; ++i) {
      QCOMPARE(m_view->shownTokens()[i], top[std::size_t(i)].token);
      QCOMPARE(m_view->barValue(i), double(top[std::size_t(i)].probability));
    }
  }

private Q_SLOTS:
  void cleanup() { close(); }

  void emptySessionIsHarmless() {
    ExplorerSession session;
    NextTokenView view(&session);
    view.resize(300, 300);
    view.show();
    view.refreshNow();
    QCOMPARE(view.objectName(), QStringLiteral("nextTokenView"));
    QCOMPARE(view.barCount(), 0);
    QVERIFY(view.barRect(0).isNull());
    QCOMPARE(view.title(), QStringLiteral("No model"));
    session.setModel(test::randomCharModel(test::kTestAlphabet, 8), QStringLiteral("test"));
    view.refreshNow();
    QCOMPARE(view.barCount(), 0);
    QCOMPARE(view.title(), QStringLiteral("No step yet"));
    QVERIFY(!view.grab().isNull());
  }

  void barsMatchTheTrace() {
    open(30);
    QVERIFY(!QTest::currentTestFailed());
    QCOMPARE(topKSpin()->value(), 10);
    m_session->setCursor(12);
    QTRY_COMPARE(m_view->title().section(QLatin1Char('\n'), 0, 0), QStringLiteral("After 'o' (step 13)")); // index 12, counted from 1
    compareWithTrace(12, 10);
    const int before = m_view->barCount();
    topKSpin()->setValue(4);
    QTRY_VERIFY(m_view->barCount() < before);
    compareWithTrace(12, 4);
    QVERIFY(m_view->barRect(m_view->barCount() - 1).isValid());
    QVERIFY(m_view->barRect(m_view->barCount()).isNull());
  }

  void marksTheTokenReadNext() {
    open(40);
    QVERIFY(!QTest::currentTestFailed());
    topKSpin()->setValue(32);
    const Trace &trace = m_session->trace();
    // Every recorded step: the title gives p(next) = exp(−loss); the bar of that token, if shown, is marked.
    for (int step = 0; step + 1 < 40; step += 3) {
      m_session->setCursor(step);
      m_view->refreshNow();
      const std::int32_t next = trace.token(step + 1);
      const QString p = QString::number(std::exp(-double(trace.loss(step))), 'f', 3);
      QCOMPARE(m_view->title().section(QLatin1Char('\n'), 1),
               QStringLiteral("next read: '%1', p = %2").arg(m_session->tokenLabel(next), p));
      const int index = m_view->shownTokens().indexOf(next);
      QVERIFY(index >= 0);
      QCOMPARE(m_view->actualIndex(), index);
      QVERIFY(std::abs(m_view->barValue(index) - std::exp(-double(trace.loss(step)))) < 1e-5);
      compareWithTrace(step, 32);
    }
    // The last step has no next token yet.
    m_session->setCursor(39);
    m_view->refreshNow();
    QCOMPARE(m_view->actualIndex(), -1);
    QCOMPARE(m_view->barCount(), 32);
    QVERIFY(!m_view->title().contains(QStringLiteral("next read")));
  }

  void showsChineseLabels() {
    const int step = int(kText.indexOf(QStringLiteral("不")));
    open(step + 2);
    QVERIFY(!QTest::currentTestFailed());
    m_session->setCursor(step);
    m_view->refreshNow();
    QVERIFY(m_view->title().startsWith(QStringLiteral("After '不'")));
    QVERIFY(m_view->title().contains(QStringLiteral("next read: '觉'")));
    QCOMPARE(m_view->shownTokens()[m_view->actualIndex()], m_session->trace().token(step + 1));
    savePng(*m_view, QStringLiteral("next_token_view.png"));
  }

  void pickModeClickStepsWithTheToken() {
    open(10);
    QVERIFY(!QTest::currentTestFailed());
    // Read mode: a click only looks.
    QTest::mouseClick(plot(), Qt::LeftButton, {}, plot()->mapFrom(m_view.get(), m_view->barRect(2).center()));
    QCOMPARE(m_session->steps(), 10);

    m_session->setMode(DriveMode::Write);
    m_session->setPickMode(true);
    m_view->refreshNow();
    QVERIFY(m_view->title().endsWith(QStringLiteral("click a bar to write that character")));
    const std::int32_t picked = m_view->shownTokens()[2];
    QTest::mouseClick(plot(), Qt::LeftButton, {}, plot()->mapFrom(m_view.get(), m_view->barRect(2).center()));
    QCOMPARE(m_session->steps(), 11);
    QCOMPARE(m_session->trace().token(10), picked);
    m_view->refreshNow();
    compareWithTrace(10, 10);

    // Inspecting an earlier step: its bars do not continue the text, so clicks do not step.
    m_session->setCursor(4);
    m_view->refreshNow();
    QTest::mouseClick(plot(), Qt::LeftButton, {}, plot()->mapFrom(m_view.get(), m_view->barRect(0).center()));
    QCOMPARE(m_session->steps(), 11);
  }

  void exportsPngAndPdf() {
    open(20);
    QVERIFY(!QTest::currentTestFailed());
    QTemporaryDir dir;
    QString error;
    const QString png = dir.filePath(QStringLiteral("next.png"));
    QVERIFY2(m_view->exportImage(png, &error), qPrintable(error));
    QVERIFY(!QImage(png).isNull());
    const QString pdf = dir.filePath(QStringLiteral("next.pdf"));
    QVERIFY2(m_view->exportImage(pdf, &error), qPrintable(error));
    QFile file(pdf);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.read(4), QByteArray("%PDF"));
  }
};

QTEST_MAIN(TestNextTokenView)
#include "tst_next_token_view.moc"
