// The columnar trace the views will read: slices by layer, quantity, step range and unit range are views of
// the recorded values, truncation drops whole steps, and the next-token top-k is sorted.
#include "explore/stepper.h"
#include "test_models.h"

#include <QTest>

#include <memory>

using namespace lstm;

class TestTrace : public QObject {
  Q_OBJECT
private Q_SLOTS:
  void init();
  void slicesAreViewsOfRecordedValues();
  void topNextIsSortedAndMatchesDistribution();
  void truncateDropsWholeSteps();
  void recordsInitialStateAndInputs();

private:
  std::shared_ptr<Model> m_model;
  std::vector<StepResult> m_results;
  std::unique_ptr<Stepper> m_stepper;
};

void TestTrace::init() {
  m_model = std::make_shared<Model>();
  m_model->config = test::smallConfig(InputKind::OneHot, HeadKind::Softmax, 2, 7);
  m_model->config.vocabSize = 9;
  std::vector<char32_t> symbols;
  for (int k = 0; k < 9; ++k)
    symbols.push_back(char32_t(0x4E00 + k)); // CJK ideographs
  m_model->vocabulary = *Vocabulary::create(symbols);
  m_model->parameters = test::randomParameters<float>(m_model->config, 21, 2.0);
  m_stepper = std::make_unique<Stepper>(m_model, 4);
  m_results.clear();
  for (std::int32_t token : {3, 1, 4, 1, 5, 8, 2, 6})
    m_results.push_back(m_stepper->step(token));
}

void TestTrace::slicesAreViewsOfRecordedValues() {
  const Trace &trace = m_stepper->trace();
  const int H = 7;
  QCOMPARE(trace.steps(), 8);
  QCOMPARE(trace.layers(), 2);
  QCOMPARE(trace.units(), H);
  for (int layer = 0; layer < 2; ++layer)
    for (int q = 0; q < kQuantityCount; ++q) {
      const auto block = trace.quantity(layer, Quantity(q));
      QCOMPARE(block.rows(), 8);
      QCOMPARE(block.cols(), H);
      for (int t = 0; t < 8; ++t) {
        const LayerStepValues &v = m_results[std::size_t(t)].layers[std::size_t(layer)];
        const Vector<float> expected = q < 4   ? Vector<float>(v.gates.segment(q * H, H))
                                       : q == 4 ? v.cell
                                       : q == 5 ? v.hidden
                                                : Vector<float>(v.preActivations.segment((q - 6) * H, H));
        QVERIFY(block.row(t).transpose() == expected);
      }
    }
  // A slice is the sub-block of the full view, without copying: same memory.
  const auto slice = trace.slice(1, Quantity::Cell, 2, 4, 3, 2);
  QCOMPARE(slice.rows(), 4);
  QCOMPARE(slice.cols(), 2);
  QCOMPARE(slice.data(), trace.quantity(1, Quantity::Cell).data() + 2 * H + 3);
  QCOMPARE(slice(3, 1), m_results[5].layers[1].cell(4));
  QCOMPARE(trace.value(0, Quantity::ForgetGate, 6, 5), m_results[6].layers[0].gates(H + 5));
  QCOMPARE(QString::fromLatin1(toString(Quantity::CandidatePre)), QStringLiteral("a_g"));
}

void TestTrace::topNextIsSortedAndMatchesDistribution() {
  const Trace &trace = m_stepper->trace();
  QCOMPARE(trace.topK(), 4);
  for (int t = 0; t < trace.steps(); ++t) {
    const auto top = trace.topNext(t);
    QCOMPARE(top.size(), std::size_t(4));
    const Vector<float> &probabilities = m_results[std::size_t(t)].output;
    QCOMPARE(top[0].probability, probabilities.maxCoeff());
    for (std::size_t k = 0; k < top.size(); ++k) {
      QCOMPARE(top[k].probability, probabilities(top[k].token));
      if (k > 0)
        QVERIFY(top[k - 1].probability >= top[k].probability);
    }
    // Nothing outside the top 4 beats the 4th.
    int larger = 0;
    for (int v = 0; v < 9; ++v)
      larger += probabilities(v) > top.back().probability;
    QVERIFY(larger <= 3);
  }
}

void TestTrace::truncateDropsWholeSteps() {
  QVERIFY(m_stepper->back());
  QVERIFY(m_stepper->back());
  const Trace &trace = m_stepper->trace();
  QCOMPARE(trace.steps(), 6);
  QCOMPARE(trace.quantity(0, Quantity::Hidden).rows(), 6);
  QCOMPARE(trace.token(5), 8);
  QVERIFY(std::isnan(trace.loss(5)));
  QVERIFY(std::isfinite(trace.loss(4)));
  QCOMPARE(trace.topNext(5)[0].probability, m_results[5].output.maxCoeff());
  m_stepper->step(0);
  QCOMPARE(trace.steps(), 7);
  QCOMPARE(trace.token(6), 0);
}

void TestTrace::recordsInitialStateAndInputs() {
  const Trace &trace = m_stepper->trace();
  QCOMPARE(trace.token(0), 3);
  QCOMPARE(trace.token(7), 6);
  QVERIFY(trace.input(0).empty());     // token model
  QVERIFY(trace.prediction(0).empty()); // softmax head
  for (float v : trace.initialCell(1))
    QCOMPARE(v, 0.0f);
  NetworkState state = m_stepper->state();
  state[1].cell(2) = 1.5f;
  QVERIFY(m_stepper->setState(state));
  QCOMPARE(trace.steps(), 0);
  QCOMPARE(trace.initialCell(1)[2], 1.5f);
}

QTEST_GUILESS_MAIN(TestTrace)
#include "tst_trace.moc"
