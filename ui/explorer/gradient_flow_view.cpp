#include "gradient_flow_view.h"

#include "common/plot_export.h"
#include "common/qcustomplot_include.h"
#include "common/refresh_coalescer.h"
#include "explore/gradient_flow.h"
#include "explorer_session.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>

namespace lstm {

namespace {
// The comparison RNN trains for at most this long (or kRnnIterations iterations, whichever comes first): enough
// for it to learn the short-range structure that makes its gradients meaningful, short enough to wait for.
constexpr double kRnnBudgetSeconds = 4.0;
constexpr std::int64_t kRnnIterations = 3000;
constexpr std::uint64_t kRnnSeed = 1;
const QColor kCellColor(0x1f77b4), kHiddenColor(0x2ca02c), kRnnColor(0xd62728);
} // namespace

GradientFlowView::GradientFlowView(ExplorerSession *session, QWidget *parent) : QWidget(parent), m_session(session) {
  setObjectName(QStringLiteral("gradientFlowView"));
  m_stepsLabel = new QLabel(this);
  m_stepsSpin = new QSpinBox(this);
  m_stepsSpin->setObjectName(QStringLiteral("flowStepsSpin"));
  m_stepsSpin->setRange(1, 1000);
  m_stepsSpin->setValue(50);
  m_stepsLabel->setBuddy(m_stepsSpin);
  m_trainButton = new QPushButton(this);
  m_trainButton->setObjectName(QStringLiteral("trainRnnButton"));
  m_progress = new QProgressBar(this);
  m_progress->setObjectName(QStringLiteral("rnnTrainingProgress"));
  m_progress->setRange(0, 1000);
  m_progress->setMaximumWidth(160);
  m_progress->setVisible(false);
  m_rnnStatus = new QLabel(this);
  m_rnnStatus->setObjectName(QStringLiteral("rnnStatusLabel"));
  m_rnnStatus->setWordWrap(true); // a long status must not set the window's minimum width
  m_status = new QLabel(this);
  m_status->setObjectName(QStringLiteral("flowStatusLabel"));
  m_status->setWordWrap(true);
  m_plot = new QCustomPlot(this);
  m_plot->setObjectName(QStringLiteral("gradientFlowPlot"));
  m_plot->setMinimumSize(160, 120); // fits a 1024 × 700 window

  auto *controls = new QHBoxLayout;
  controls->addWidget(m_stepsLabel);
  controls->addWidget(m_stepsSpin);
  controls->addSpacing(12);
  controls->addWidget(m_trainButton);
  controls->addWidget(m_progress);
  controls->addWidget(m_rnnStatus, 1);
  auto *layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addLayout(controls);
  layout->addWidget(m_plot, 1);
  layout->addWidget(m_status);

  m_plot->yAxis->setScaleType(QCPAxis::stLogarithmic);
  QSharedPointer<QCPAxisTickerLog> logTicker(new QCPAxisTickerLog);
  logTicker->setLogBase(10);
  logTicker->setSubTickCount(0);
  m_plot->yAxis->setTicker(logTicker);
  m_plot->yAxis->setNumberFormat(QStringLiteral("eb"));
  m_plot->yAxis->setNumberPrecision(0);
  m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
  m_plot->legend->setVisible(true);
  QFont legendFont = font();
  legendFont.setPointSizeF(legendFont.pointSizeF() * 0.9);
  m_plot->legend->setFont(legendFont);
  m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignBottom | Qt::AlignLeft);
  for (const QColor &color : {kCellColor, kHiddenColor, kRnnColor}) {
    QCPGraph *graph = m_plot->addGraph();
    graph->setPen(QPen(color, 2.0));
    graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 3.0));
  }
  m_plot->graph(1)->setPen(QPen(kHiddenColor, 1.5, Qt::DashLine));

  m_refresher = new RefreshCoalescer(this, [this] { refresh(); }, 40);
  connect(m_stepsSpin, &QSpinBox::valueChanged, m_refresher, [this] { m_refresher->request(); });
  connect(m_trainButton, &QPushButton::clicked, this, [this] { trainRnn(); });
  connect(session, &ExplorerSession::modelChanged, this, [this] { onModelChanged(); });
  for (auto signal : {&ExplorerSession::traceChanged, &ExplorerSession::selectionChanged,
                      &ExplorerSession::interventionsChanged, &ExplorerSession::tapeChanged,
                      &ExplorerSession::weightsChanged})
    connect(session, signal, m_refresher, [this] { requestRefresh(); });
  connect(session, &ExplorerSession::cursorChanged, m_refresher, [this] { requestRefresh(); });
  retranslateUi();
  m_refresher->request();
}

void GradientFlowView::retranslateUi() {
  m_stepsLabel->setText(tr("Steps back K:"));
  m_stepsSpin->setToolTip(tr("How many steps before the inspected step the gradient is followed"));
  m_trainButton->setText(tr("Train RNN"));
  m_trainButton->setToolTip(tr("Train a plain tanh RNN of the same size on the current text (a few seconds) "
                               "to compare how far its gradients reach"));
  m_plot->graph(0)->setName(tr("LSTM ‖∂L_t/∂c_{t−k}‖"));
  m_plot->graph(1)->setName(tr("LSTM ‖∂L_t/∂h_{t−k}‖"));
  m_plot->graph(2)->setName(tr("tanh RNN ‖∂L_t/∂h_{t−k}‖"));
  m_plot->xAxis->setLabel(tr("k = steps back from the inspected step t"));
  m_plot->yAxis->setLabel(tr("gradient norm (log scale)"));
  m_plot->setToolTip(tr("How strongly the loss of the prediction at step t depends on the state k steps earlier. "
                        "The cell state's additive path c_t = f ⊙ c_{t−1} + i ⊙ g carries the gradient back "
                        "almost unchanged while f ≈ 1; a tanh RNN multiplies it by W_hhᵀ·diag(1 − h²) at every "
                        "step, so it shrinks (or grows) geometrically."));
  m_refresher->request(); // the status texts are composed in refresh()
}

void GradientFlowView::changeEvent(QEvent *event) {
  if (event->type() == QEvent::LanguageChange)
    retranslateUi();
  QWidget::changeEvent(event);
}

void GradientFlowView::showEvent(QShowEvent *event) {
  QWidget::showEvent(event);
  m_refresher->request();
}

void GradientFlowView::requestRefresh() {
  // A hidden view (closed or tabbed-away dock) does no work; showEvent catches up.
  if (isVisible())
    m_refresher->request();
}

long long GradientFlowView::refreshCount() const { return m_refresher->refreshCount(); }
int GradientFlowView::maxStepsBack() const { return m_stepsSpin->value(); }
void GradientFlowView::setMaxStepsBack(int k) { m_stepsSpin->setValue(k); }

void GradientFlowView::refreshNow() {
  m_refresher->runNow();
  m_plot->replot(QCustomPlot::rpImmediateRefresh);
}

bool GradientFlowView::exportImage(const QString &path, QString *error) {
  refreshNow();
  return savePlot(m_plot, path, error);
}

void GradientFlowView::onModelChanged() {
  // The RNN was sized for the old model's vocabulary and hidden size.
  cancelTraining();
  m_rnn.reset();
  m_rnnStateTokens.clear();
  m_castModel.reset();
  m_refresher->request();
}

void GradientFlowView::refresh() {
  m_cellFlow.clear();
  m_hiddenFlow.clear();
  m_rnnFlow.clear();
  m_loss = std::numeric_limits<double>::quiet_NaN();
  QString status;
  const int t = m_session->cursor();
  if (!m_session->hasModel())
    status = tr("Open a model to see how far back its gradients reach.");
  else if (m_session->steps() == 0 || t < 0)
    status = tr("Read some text: the flow is shown for the inspected step.");
  else
    computeLstmFlow(t, m_stepsSpin->value(), status);
  if (!m_cellFlow.empty())
    computeRnnFlow(t, m_stepsSpin->value());
  m_status->setText(status);

  const bool tokenModel = m_session->hasModel() && m_session->model().config.usesTokens() &&
                          m_session->model().config.head == HeadKind::Softmax;
  m_trainButton->setEnabled(tokenModel && !rnnTraining() && m_session->tapeLength() >= 2);
  if (rnnTraining())
    m_rnnStatus->setText(tr("Training the tanh RNN…"));
  else if (m_rnn)
    m_rnnStatus->setText(tr("tanh RNN: %1 iterations, loss %2 → %3 nats/char")
                             .arg(m_rnnRun.iterations)
                             .arg(m_rnnRun.firstLoss, 0, 'f', 2)
                             .arg(m_rnnRun.lastLoss, 0, 'f', 2));
  else if (m_session->hasModel() && !tokenModel)
    m_rnnStatus->setText(tr("The RNN comparison needs a character model."));
  else
    m_rnnStatus->setText(tr("tanh RNN: not trained yet"));
  replot();
}

void GradientFlowView::computeLstmFlow(int t, int K, QString &status) {
  const ModelConfig &config = m_session->model().config;
  if (m_castModel != m_session->sharedModel()) {
    m_castModel = m_session->sharedModel();
    m_params = m_castModel->parameters.cast<double>();
  }
  if (config.head == HeadKind::Regression && (config.input != InputKind::Dense || config.inputSize != config.outputSize)) {
    status = tr("This model does not predict its own next input, so its loss at a step is not defined.");
    return;
  }
  // At the last step the next character may still be on the tape (read mode) though not yet read.
  std::int32_t next = -1;
  if (config.usesTokens() && t + 1 >= m_session->steps() && t + 1 < m_session->tapeLength())
    next = m_session->tapeToken(t + 1);
  const Trace &trace = m_session->trace();
  std::string problem;
  const auto window = flowWindowFromTrace(config, trace, t, K, next, {}, &problem);
  if (!window) {
    status = t + 1 >= m_session->tapeLength()
                 ? tr("Step %1 is the last of the text: its loss needs the next character.").arg(t + 1)
                 : QString::fromStdString(problem);
    return;
  }
  const int layer = std::clamp(m_session->selectedLayer(), 0, config.numLayers - 1);
  const GradientFlowResult flow = lstmGradientFlow(m_params, *window);
  m_cellFlow = flow.cell[std::size_t(layer)];
  m_hiddenFlow = flow.hidden[std::size_t(layer)];
  m_loss = flow.loss;
  status = config.usesTokens()
               ? tr("Step %1, layer %2: loss_t = %3 nats for the next character “%4”.")
                     .arg(t + 1)
                     .arg(layer)
                     .arg(m_loss, 0, 'f', 3)
                     .arg(m_session->tokenLabel(window->targetToken))
               : tr("Step %1, layer %2: loss_t = %3 (squared error of the next value).").arg(t + 1).arg(layer).arg(m_loss, 0, 'g', 3);
  if (!window->interventions.empty())
    status += QLatin1Char(' ') + tr("Interventions active in the window are applied as recorded: a clamped gate, "
                                    "a set or zeroed cell and a zeroed h pass no gradient.");
}

void GradientFlowView::computeRnnFlow(int t, int K) {
  if (!m_rnn || m_rnn->vocabSize() != m_session->model().config.vocabSize)
    return;
  const Trace &trace = m_session->trace();
  const int T = std::min(K, t) + 1, first = t - T + 1, H = m_rnn->hiddenSize();
  const std::int32_t target = t + 1 < trace.steps() ? trace.token(t + 1) : m_session->tapeToken(t + 1);
  // The RNN's state before the window: its own reading of the trace from a zero state at step 0, cached and
  // extended from the longest prefix that has not changed.
  int common = 0;
  const int cached = std::min<int>(int(m_rnnStateTokens.size()), first);
  while (common < cached && m_rnnStateTokens[std::size_t(common)] == trace.token(common))
    ++common;
  if (common < first) {
    std::vector<std::int32_t> tokens;
    for (int s = common; s < first; ++s)
      tokens.push_back(trace.token(s));
    const Vector<double> start = common == 0 ? Vector<double>::Zero(H) : Vector<double>(m_rnnStates.col(common - 1));
    const Matrix<double> more = tanhRnnStates(*m_rnn, tokens, start);
    m_rnnStates.conservativeResize(H, first);
    m_rnnStates.rightCols(first - common) = more;
    m_rnnStateTokens.resize(std::size_t(common));
    m_rnnStateTokens.insert(m_rnnStateTokens.end(), tokens.begin(), tokens.end());
  }
  std::vector<std::int32_t> window;
  for (int s = first; s <= t; ++s)
    window.push_back(trace.token(s));
  const Vector<double> initial = first == 0 ? Vector<double>::Zero(H) : Vector<double>(m_rnnStates.col(first - 1));
  m_rnnFlow = tanhRnnHiddenFlow(*m_rnn, window, target, initial);
}

void GradientFlowView::replot() {
  double low = std::numeric_limits<double>::infinity(), high = 0.0;
  const std::vector<double> *series[] = {&m_cellFlow, &m_hiddenFlow, &m_rnnFlow};
  for (int g = 0; g < 3; ++g) {
    QVector<double> keys, values;
    for (std::size_t k = 0; k < series[g]->size(); ++k) {
      const double value = (*series[g])[k];
      if (!(value > 0.0) || !std::isfinite(value))
        continue; // a log axis has no place for an exact zero
      keys.append(double(k));
      values.append(value);
      low = std::min(low, value);
      high = std::max(high, value);
    }
    m_plot->graph(g)->setData(keys, values, true);
  }
  m_plot->xAxis->setRange(0, std::max(1, m_stepsSpin->value()));
  if (high > 0.0)
    m_plot->yAxis->setRange(low / 3.0, high * 3.0);
  else
    m_plot->yAxis->setRange(1e-6, 1.0);
  m_plot->replot(QCustomPlot::rpQueuedReplot);
}

bool GradientFlowView::trainRnn() {
  if (rnnTraining() || !m_session->hasModel() || m_session->tapeLength() < 2)
    return false;
  const ModelConfig &config = m_session->model().config;
  if (!config.usesTokens() || config.head != HeadKind::Softmax)
    return false;
  std::vector<std::int32_t> tokens(std::size_t(m_session->tapeLength()));
  for (int i = 0; i < m_session->tapeLength(); ++i)
    tokens[std::size_t(i)] = m_session->tapeToken(i);
  TanhRnnTrainingOptions options;
  options.hiddenSize = config.hiddenSize;
  options.iterations = kRnnIterations;
  options.timeBudgetSeconds = kRnnBudgetSeconds;
  options.seed = kRnnSeed;
  const int vocab = config.vocabSize;
  m_rnnJob.start(
      [tokens = std::move(tokens), vocab, options](const JobControl<int> &control) {
        auto lastReport = std::chrono::steady_clock::now();
        return trainTanhRnn(tokens, vocab, options, control.cancelFlag(), [&](const TanhRnnTrainingProgress &progress) {
          const auto now = std::chrono::steady_clock::now();
          if (now - lastReport < std::chrono::milliseconds(50))
            return; // a progress bar needs no more
          lastReport = now;
          control.report(int(1000 * progress.fraction));
        });
      },
      [this](const TanhRnnTrainingResult &result) { onTrainingFinished(result); },
      [this](int thousandths) { m_progress->setValue(thousandths); });
  m_progress->setValue(0);
  m_progress->setVisible(true);
  m_trainButton->setEnabled(false);
  m_refresher->request();
  return true;
}

void GradientFlowView::cancelTraining() {
  m_rnnJob.cancel(); // its result, should it still come, is dropped
  m_progress->setVisible(false);
}

void GradientFlowView::onTrainingFinished(const TanhRnnTrainingResult &result) {
  m_progress->setVisible(false);
  const bool trained = !result.cancelled && result.iterations > 0 && result.rnn.flat().allFinite();
  if (trained) {
    m_rnn = std::make_unique<TanhRnn<double>>(result.rnn.cast<double>());
    m_rnnRun = result;
    m_rnnStateTokens.clear();
  }
  refreshNow();
  Q_EMIT rnnTrainingFinished(trained);
}

} // namespace lstm
