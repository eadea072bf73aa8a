// The one LSTM cell step (model/lstm_cell.h): its one-step backward against finite differences in double, with and
// without each intervention kind, and the single ordering list kCellOrder — change one place in it and the Stepper
// and the gradient-flow analysis both follow.
#include "explore/gradient_flow.h"
#include "explore/stepper.h"
#include "model/lstm_cell.h"
#include "test_models.h"

#include <QTest>

#include <cmath>

using namespace lstm;

Q_DECLARE_METATYPE(std::vector<lstm::Intervention>)

namespace {

template <typename F>
double derivative(const F &f, double h = 1e-3) {
  return (f(3 * h) - 9 * f(2 * h) + 45 * f(h) - 45 * f(-h) + 9 * f(-2 * h) - f(-3 * h)) / (60 * h);
}

// Set then add on the same unit keeps the shift (c = v + s); the other way round the set wins (c = v).
CellOrder addBeforeSet() {
  return {CellStage::Activate, CellStage::ClampGate,    CellStage::UpdateCell, CellStage::AddCell,
          CellStage::SetCell,  CellStage::ZeroCell,     CellStage::UpdateHidden, CellStage::ZeroHidden};
}

// One step of a layer with U = H = 5 units and X = 3 inputs, in double, and the scalar loss
//   loss = w_h · h_t + w_c · c_t   so that dHidden = w_h and dCellNext = w_c.
struct OneStep {
  static constexpr int H = 5, X = 3;
  Matrix<double> inputWeights, recurrentWeights;
  Vector<double> bias, input, hiddenPrev, cellPrev, lossHidden, lossCell;

  explicit OneStep(std::uint64_t seed) {
    Rng rng(seed);
    auto random = [&rng](int rows, int cols, double scale) {
      return Matrix<double>::NullaryExpr(rows, cols, [&] { return scale * rng.normal(); }).eval();
    };
    inputWeights = random(4 * H, X, 0.8);
    recurrentWeights = random(4 * H, H, 0.6);
    bias = random(4 * H, 1, 0.5);
    input = random(X, 1, 1.0);
    hiddenPrev = random(H, 1, 0.5);
    cellPrev = random(H, 1, 1.0);
    lossHidden = random(H, 1, 1.0);
    lossCell = random(H, 1, 1.0);
  }
  LstmCellWeights<double> weights() const {
    return {ConstMatrixMap<double>(inputWeights.data(), 4 * H, X),
            ConstMatrixMap<double>(recurrentWeights.data(), 4 * H, H), ConstVectorMap<double>(bias.data(), 4 * H)};
  }
  LstmCellInput<double> cellInput() const { return {-1, {input.data(), std::size_t(X)}}; }
  double loss(const CellInterventions &interventions, const LstmCellPerturbation<double> *perturbation = nullptr) const {
    LstmCellValues<double> values;
    lstmCellForward(weights(), cellInput(), hiddenPrev, cellPrev, interventions, values, false, perturbation);
    return lossHidden.dot(values.hidden) + lossCell.dot(values.cell);
  }
};

// Largest relative error between `analytic` and central differences of `loss` along each coordinate of `variable`.
template <typename Loss>
double worstError(Vector<double> &variable, const Vector<double> &analytic, const Loss &loss) {
  double worst = 0.0;
  for (Eigen::Index k = 0; k < variable.size(); ++k) {
    const double original = variable(k);
    const double numeric = derivative([&](double d) {
      variable(k) = original + d;
      const double value = loss();
      variable(k) = original;
      return value;
    });
    worst = std::max(worst, std::fabs(analytic(k) - numeric) / std::max({std::fabs(analytic(k)), std::fabs(numeric), 1e-3}));
  }
  return worst;
}

std::shared_ptr<Model> oneHotModel(int layers) {
  auto model = std::make_shared<Model>();
  model->config = test::smallConfig(InputKind::OneHot, HeadKind::Softmax, layers, 6);
  model->parameters = test::randomParameters<float>(model->config, 3, 2.0);
  model->vocabulary = *Vocabulary::create({U'a', U'b', U'c', U'd', U'e'});
  return model;
}

} // namespace

class TestLstmCell : public QObject {
  Q_OBJECT
private Q_SLOTS:
  void orderIsValidated();
  void backwardMatchesFiniteDifferences_data();
  void backwardMatchesFiniteDifferences();
  void oneHotInputIsAColumn();
  void movingOneStageMovesStepperAndGradientFlow();
};

void TestLstmCell::orderIsValidated() {
  QVERIFY(isValidCellOrder(kCellOrder));
  QVERIFY(isValidCellOrder(addBeforeSet()));
  CellOrder clampLate = kCellOrder; // a clamp after c_t would leave c_t computed from the unclamped gate
  std::swap(clampLate[1], clampLate[2]);
  QVERIFY(!isValidCellOrder(clampLate));
  CellOrder zeroEarly = kCellOrder; // h_t does not exist before UpdateHidden
  std::swap(zeroEarly[6], zeroEarly[7]);
  QVERIFY(!isValidCellOrder(zeroEarly));
  CellOrder twice = kCellOrder;
  twice[4] = CellStage::SetCell;
  QVERIFY(!isValidCellOrder(twice));
  Stepper stepper(oneHotModel(1));
  QVERIFY(!stepper.setCellOrder(clampLate));
  QVERIFY(stepper.cellOrder() == kCellOrder);
  QVERIFY(stepper.setCellOrder(addBeforeSet()));
  QVERIFY(stepper.cellOrder() == addBeforeSet());
}

void TestLstmCell::backwardMatchesFiniteDifferences_data() {
  QTest::addColumn<std::vector<Intervention>>("interventions");
  QTest::addColumn<bool>("addFirst");
  QTest::newRow("none") << std::vector<Intervention>{} << false;
  QTest::newRow("clamp i") << std::vector{Intervention::clampGate(0, 1, Gate::Input, 0.3f)} << false;
  QTest::newRow("clamp f") << std::vector{Intervention::clampGate(0, 1, Gate::Forget, 1.0f)} << false;
  QTest::newRow("clamp g") << std::vector{Intervention::clampGate(0, 1, Gate::Cell, -0.5f)} << false;
  QTest::newRow("clamp o") << std::vector{Intervention::clampGate(0, 1, Gate::Output, 0.0f)} << false;
  QTest::newRow("zero h") << std::vector{Intervention::zeroHidden(0, 2)} << false;
  QTest::newRow("zero c") << std::vector{Intervention::zeroCell(0, 2)} << false;
  QTest::newRow("set c") << std::vector{Intervention::setCell(0, 3, 1.5f)} << false;
  QTest::newRow("add c") << std::vector{Intervention::addCell(0, 3, -0.8f)} << false;
  const std::vector all{Intervention::clampGate(0, 0, Gate::Forget, 0.0f), Intervention::setCell(0, 1, 0.5f),
                        Intervention::addCell(0, 1, 0.25f),  Intervention::zeroCell(0, 2),
                        Intervention::addCell(0, 3, 2.0f),   Intervention::zeroHidden(0, 3),
                        Intervention::clampGate(0, 4, Gate::Output, 0.9f), Intervention::zeroHidden(1, 4)};
  QTest::newRow("all kinds") << all << false;
  QTest::newRow("all kinds, add before set") << all << true;
}

void TestLstmCell::backwardMatchesFiniteDifferences() {
  QFETCH(std::vector<Intervention>, interventions);
  QFETCH(bool, addFirst);
  OneStep step(11);
  const CellInterventions where{interventions, 0, addFirst ? addBeforeSet() : kCellOrder};
  LstmCellValues<double> values;
  lstmCellForward(step.weights(), step.cellInput(), step.hiddenPrev, step.cellPrev, where, values);
  LstmCellGradients<double> grads;
  lstmCellBackward(step.weights(), values, step.cellPrev, step.lossHidden, step.lossCell, where, grads, true);
  auto loss = [&] { return step.loss(where); };

  // ∂loss/∂b = dA; through W_hh·h_{t−1}, f ⊙ c_{t−1} and W_ih·x the rest of the backward.
  const double bias = worstError(step.bias, grads.preActivations, loss);
  const double hidden = worstError(step.hiddenPrev, grads.hiddenPrev, loss);
  const double cell = worstError(step.cellPrev, grads.cellPrev, loss);
  const double input = worstError(step.input, grads.input, loss);
  // ∂loss/∂c_t in total: a perturbation of c_t right before h_t reads it.
  LstmCellPerturbation<double> perturbation{Vector<double>::Zero(OneStep::H), {}};
  const double total = worstError(perturbation.cell, grads.cell, [&] { return step.loss(where, &perturbation); });
  qInfo("relative errors: dA %.2g, dh_prev %.2g, dc_prev %.2g, dx %.2g, dc_t %.2g", bias, hidden, cell, input, total);
  for (double error : {bias, hidden, cell, input, total})
    QVERIFY(error < 1e-8);
  // The gradient is not trivially zero, and what an intervention made constant is.
  QVERIFY(grads.preActivations.norm() > 1e-2 && grads.cellPrev.norm() > 1e-2);
  for (const Intervention &iv : interventions) {
    if (iv.layer != 0)
      continue;
    if (iv.kind == InterventionKind::ClampGate)
      QCOMPARE(grads.preActivations(int(iv.gate) * OneStep::H + iv.unit), 0.0);
    if (iv.kind == InterventionKind::SetCell || iv.kind == InterventionKind::ZeroCell)
      QCOMPARE(grads.cellPrev(iv.unit), 0.0);
  }
}

void TestLstmCell::oneHotInputIsAColumn() {
  OneStep step(5);
  LstmCellValues<double> oneHot, dense, parts;
  const CellInterventions none;
  step.input = Vector<double>::Unit(OneStep::X, 2);
  lstmCellForward(step.weights(), {2, {}}, step.hiddenPrev, step.cellPrev, none, oneHot);
  lstmCellForward(step.weights(), step.cellInput(), step.hiddenPrev, step.cellPrev, none, dense);
  lstmCellForward(step.weights(), step.cellInput(), step.hiddenPrev, step.cellPrev, none, parts, true);
  QVERIFY((oneHot.hidden - dense.hidden).cwiseAbs().maxCoeff() < 1e-14);
  // With its parts kept the pre-activation is exactly their sum.
  QVERIFY(parts.preActivations == parts.inputPart + parts.recurrentPart + step.bias);
  QVERIFY((parts.inputPart - step.inputWeights.col(2)).cwiseAbs().maxCoeff() < 1e-15);
  QVERIFY((parts.hidden - dense.hidden).cwiseAbs().maxCoeff() < 1e-14);
}

void TestLstmCell::movingOneStageMovesStepperAndGradientFlow() {
  // Unit 2 of layer 0 is set to 0.5 and shifted by 0.25 at every step. Product order: set, then add → c = 0.75.
  // With AddCell moved before SetCell in the one ordering list: add, then set → c = 0.5.
  const auto model = oneHotModel(2);
  const ModelConfig &config = model->config;
  const std::vector<Intervention> interventions{Intervention::addCell(0, 2, 0.25f), Intervention::setCell(0, 2, 0.5f),
                                                Intervention::clampGate(1, 1, Gate::Forget, 1.0f)};
  Stepper product(model), moved(model);
  QVERIFY(moved.setCellOrder(addBeforeSet()));
  for (Stepper *stepper : {&product, &moved})
    for (const Intervention &iv : interventions)
      QVERIFY(stepper->addIntervention(iv));
  Rng rng(9);
  for (int s = 0; s < 12; ++s) {
    const auto token = std::int32_t(rng.below(std::uint64_t(config.vocabSize)));
    QCOMPARE(product.step(token).layers[0].cell(2), 0.75f);
    QCOMPARE(moved.step(token).layers[0].cell(2), 0.5f);
  }
  QVERIFY(product.trace().loss(10) != moved.trace().loss(10));

  // The gradient flow, told the order, recomputes each stepper's own loss; told the other order, it does not.
  const Parameters<double> params = model->parameters.cast<double>();
  for (const Stepper *stepper : {&product, &moved}) {
    const Trace &trace = stepper->trace();
    for (int t : {3, 10}) {
      auto window = flowWindowFromTrace(config, trace, t, 6);
      QVERIFY(window);
      window->order = stepper->cellOrder();
      const GradientFlowResult flow = lstmGradientFlow(params, *window);
      QVERIFY2(std::fabs(flow.loss - double(trace.loss(t))) <= 1e-5 * std::max(1.0, flow.loss),
               qPrintable(QStringLiteral("t %1: %2 vs %3").arg(t).arg(flow.loss).arg(trace.loss(t))));
      FlowWindow otherOrder = *window;
      otherOrder.order = stepper == &product ? addBeforeSet() : kCellOrder;
      QVERIFY(std::fabs(lstmWindowLoss(params, otherOrder) - double(trace.loss(t))) > 1e-4);

      // ... and its gradient norms still agree with finite differences of that loss.
      const int H = config.hiddenSize, T = window->steps();
      for (int l = 0; l < config.numLayers; ++l)
        for (int k : {0, 2, T - 1})
          for (bool cell : {true, false}) {
            Vector<double> numeric(H);
            for (int unit = 0; unit < H; ++unit)
              numeric(unit) = derivative([&](double d) {
                StateDelta delta{T - 1 - k, l, cell, Vector<double>::Zero(H)};
                delta.delta(unit) = d;
                return lstmWindowLoss(params, *window, &delta);
              });
            const double analytic = (cell ? flow.cell : flow.hidden)[std::size_t(l)][std::size_t(k)];
            QVERIFY2(std::fabs(analytic - numeric.norm()) <= 1e-6 * std::max({analytic, numeric.norm(), 1e-6}),
                     qPrintable(QStringLiteral("layer %1 k %2: %3 vs %4").arg(l).arg(k).arg(analytic).arg(numeric.norm())));
          }
    }
  }
}

QTEST_GUILESS_MAIN(TestLstmCell)
#include "tst_lstm_cell.moc"
