// EquationsView: the trace's numbers appear, every substituted line checks out by hand, interventions show inline.
#include "common/quantity_style.h"
#include "explorer/equations_view.h"
#include "explorer/explorer_session.h"
#include "ui_test_models.h"
#include "ui_test_helpers.h"
#include "view_test_fixture.h"

#include <QRegularExpression>
#include <QTest>
#include <QTextBrowser>

#include <cmath>

using namespace lstm;
using test::savePng;

namespace {

const QString kText = QStringLiteral("Spring sleep, 春眠不觉晓.\nbirds (everywhere).\n");

QString fixed(double value) { return QString::number(value, 'f', 4); }
double parse(QString text) { return text.remove(QLatin1Char('(')).remove(QLatin1Char(')')).toDouble(); }

QString lineStarting(const QString &text, const QString &start) {
  const QStringList lines = text.split(QLatin1Char('\n'));
  for (const QString &line : lines)
    if (line.startsWith(start))
      return line;
  return {};
}

} // namespace

class TestEquationsView : public QObject, public test::ViewFixture<EquationsView> {
  Q_OBJECT

  void open(int steps, const std::vector<Intervention> &interventions = {}) {
    ViewFixture::open({.alphabet = test::kTestAlphabet + QStringLiteral("S"), .units = 6, .text = kText, .steps = steps,
                       .interventions = interventions, .size = {900, 380}, .show = false});
  }

private Q_SLOTS:
  void cleanup() { close(); }

  void showsTheTraceNumbers() {
    open(16);
    if (QTest::currentTestFailed())
      return;
    m_session->selectUnit(0, 4);
    m_session->setCursor(14); // reading '春', shown as step 15: users count steps from 1
    m_view->refreshNow();
    const QString text = m_view->plainText();
    QVERIFY2(text.startsWith(QStringLiteral("Layer 0, unit 4, step 15, reading '春'")), qPrintable(text));
    const Trace &trace = m_session->trace();
    const char *names[] = {"i_t = ", "f_t = ", "g_t = ", "o_t = ", "c_t = ", "h_t = "};
    for (int k = 0; k < 6; ++k) {
      const Quantity q = kShownQuantities[k];
      const QString line = lineStarting(text, QString::fromUtf8(names[k]));
      QVERIFY2(!line.isEmpty(), names[k]);
      QVERIFY2(line.endsWith(QStringLiteral(" = ") + fixed(double(trace.value(0, q, 14, 4)))), qPrintable(line));
    }
    QVERIFY(text.contains(QStringLiteral("h_{t−1} = ") + fixed(double(trace.value(0, Quantity::Hidden, 13, 4)))));
    QVERIFY(text.contains(QStringLiteral("c_{t−1} = ") + fixed(double(trace.value(0, Quantity::Cell, 13, 4)))));
    savePng(*m_view, QStringLiteral("equations.png"));
  }

  void everyLineChecksOutByHand() {
    open(30);
    if (QTest::currentTestFailed())
      return;
    for (int step : {0, 7, 29})
      for (int unit : {0, 5}) {
        m_session->selectUnit(0, unit);
        m_session->setCursor(step);
        m_view->refreshNow();
        const QString text = m_view->plainText();
        static const QRegularExpression gateLine(QStringLiteral(
            R"(^([ifgo])_t = .*= (σ|tanh)\((\S+) \+ (\S+) \+ (\S+)\) = (?:σ|tanh)\((\S+)\) = (\S+)$)"));
        int gates = 0;
        for (const QString &line : text.split(QLatin1Char('\n'))) {
          const auto m = gateLine.match(line);
          if (!m.hasMatch())
            continue;
          ++gates;
          const double a = parse(m.captured(6));
          QVERIFY2(std::abs(parse(m.captured(3)) + parse(m.captured(4)) + parse(m.captured(5)) - a) < 3e-4, qPrintable(line));
          const double expected = m.captured(2) == QStringLiteral("tanh") ? std::tanh(a) : 1.0 / (1.0 + std::exp(-a));
          QVERIFY2(std::abs(parse(m.captured(7)) - expected) < 1e-4, qPrintable(line));
        }
        QCOMPARE(gates, 4);
        static const QRegularExpression cellLine(
            QStringLiteral(R"(^c_t = .* = (\S+)·(\S+) \+ (\S+)·(\S+) = (\S+) \+ (\S+) = (\S+)$)"));
        const auto c = cellLine.match(lineStarting(text, QStringLiteral("c_t = ")));
        QVERIFY2(c.hasMatch(), qPrintable(text));
        const double cell = parse(c.captured(7));
        QVERIFY(std::abs(parse(c.captured(1)) * parse(c.captured(2)) + parse(c.captured(3)) * parse(c.captured(4)) - cell) < 3e-4);
        QVERIFY(std::abs(parse(c.captured(5)) + parse(c.captured(6)) - cell) < 2e-4);
        static const QRegularExpression hiddenLine(
            QStringLiteral(R"(^h_t = .* = (\S+)·tanh\((\S+)\) = \S+·(\S+) = (\S+)$)"));
        const auto h = hiddenLine.match(lineStarting(text, QStringLiteral("h_t = ")));
        QVERIFY2(h.hasMatch(), qPrintable(text));
        QCOMPARE(parse(h.captured(2)), cell);
        QVERIFY(std::abs(std::tanh(cell) - parse(h.captured(3))) < 1e-4);
        QVERIFY(std::abs(parse(h.captured(1)) * parse(h.captured(3)) - parse(h.captured(4))) < 2e-4);
      }
  }

  void interventionsShowInline() {
    open(10, {Intervention::clampGate(0, 1, Gate::Forget, 0.0f), Intervention::setCell(0, 1, 2.0f)});
    if (QTest::currentTestFailed())
      return;
    m_session->selectUnit(0, 1);
    m_session->setCursor(5);
    m_view->refreshNow();
    const QString text = m_view->plainText();
    const StepValues v = m_view->shownValues();
    const QString f = lineStarting(text, QStringLiteral("f_t = "));
    QVERIFY2(f.endsWith(QStringLiteral("→ clamped: f = 0.0000 instead of %1").arg(fixed(v.activation[1]))), qPrintable(f));
    const QString c = lineStarting(text, QStringLiteral("c_t = "));
    QVERIFY2(c.endsWith(QStringLiteral("→ c set to 2: c = 2.0000 instead of %1").arg(fixed(v.cellComputed))), qPrintable(c));
    QVERIFY(lineStarting(text, QStringLiteral("h_t = ")).contains(QStringLiteral("tanh(2.0000)")));
    savePng(*m_view, QStringLiteral("equations_intervention.png"));
    // Another unit carries no mark.
    m_session->selectUnit(0, 2);
    m_view->refreshNow();
    QVERIFY(!m_view->plainText().contains(QStringLiteral("→")));
  }

  void followsTheCursorAndIsSelectable() {
    open(12);
    if (QTest::currentTestFailed())
      return;
    m_session->setCursor(3);
    QTRY_VERIFY(m_view->plainText().contains(QStringLiteral("step 4, reading 'i'")));
    m_session->selectUnit(0, 5);
    QTRY_VERIFY(m_view->plainText().startsWith(QStringLiteral("Layer 0, unit 5, step 4")));
    auto *browser = m_view->findChild<QTextBrowser *>(QStringLiteral("equationsText"));
    QVERIFY(browser);
    QVERIFY(browser->textInteractionFlags() & Qt::TextSelectableByMouse);
    browser->selectAll();
    QVERIFY(browser->textCursor().selectedText().contains(QStringLiteral("unit 5")));
  }

  void noStepShowsAHint() {
    ExplorerSession session;
    EquationsView view(&session);
    QCOMPARE(view.objectName(), QStringLiteral("equationsView"));
    view.refreshNow();
    QVERIFY(view.plainText().startsWith(QStringLiteral("Step through")));
    session.setModel(test::randomCharModel(test::kTestAlphabet, 4), QStringLiteral("test"));
    view.refreshNow();
    QVERIFY(view.plainText().startsWith(QStringLiteral("Step through")));
  }
};

QTEST_MAIN(TestEquationsView)
#include "tst_equations_view.moc"
