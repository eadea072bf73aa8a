#pragma once
// "Why not a plain RNN": for the inspected step t (the session's cursor) plots, on a log scale over k = 0 … K
// steps back, ‖∂loss_t/∂c_{t−k}‖ and ‖∂loss_t/∂h_{t−k}‖ of the selected layer of the session's LSTM
// (explore/gradient_flow.h: total derivatives, interventions applied as the trace recorded them) and, once trained
// with "Train RNN", ‖∂loss_t/∂h_{t−k}‖ of a plain tanh RNN of the same hidden size and vocabulary trained on the
// session's text (model/tanh_rnn.h), read over the same steps from a zero state at step 0.
// The LSTM flow is computed on the GUI thread (≈ 3·K·L·4H·(X+H) multiply-adds, milliseconds for K ≤ 200 with the
// example models); the RNN trains as a background job, cancelled (never waited for) when the view is destroyed or
// the model changes. GUI thread only.
#include "common/background_job.h"
#include "model/model.h"
#include "model/tanh_rnn.h"

#include <QString>
#include <QWidget>

#include <memory>
#include <vector>

class QCustomPlot;
class QEvent;
class QLabel;
class QProgressBar;
class QPushButton;
class QShowEvent;
class QSpinBox;

namespace lstm {

class ExplorerSession;
class RefreshCoalescer;

class GradientFlowView : public QWidget {
  Q_OBJECT
public:
  explicit GradientFlowView(ExplorerSession *session, QWidget *parent = nullptr);

  // Plotted values, index k = steps back from the cursor (0 … min(K, t)); empty when unavailable.
  const std::vector<double> &cellFlow() const { return m_cellFlow; }      // LSTM ‖∂L_t/∂c_{t−k}‖
  const std::vector<double> &hiddenFlow() const { return m_hiddenFlow; }  // LSTM ‖∂L_t/∂h_{t−k}‖
  const std::vector<double> &rnnHiddenFlow() const { return m_rnnFlow; }  // tanh RNN ‖∂L_t/∂h_{t−k}‖
  double loss() const { return m_loss; }   // LSTM loss_t; NaN when unavailable
  int maxStepsBack() const;                // K
  void setMaxStepsBack(int k);             // sets the K spin box (clamped to 1 … 1000)
  bool rnnTrained() const { return m_rnn != nullptr; }
  bool rnnTraining() const { return m_rnnJob.isRunning(); }
  // Starts training the comparison RNN on the session's text (what the Train RNN button does). False when the
  // model is not a character model, the text is shorter than 2 characters, or training is running already.
  bool trainRnn();
  // Saves the plot as PNG or PDF (by extension); false with "<path>: <problem>" in `error`.
  bool exportImage(const QString &path, QString *error);
  // Recomputes and replots now instead of at the next coalesced refresh (tests, exports).
  void refreshNow();
  long long refreshCount() const;

Q_SIGNALS:
  void rnnTrainingFinished(bool trained); // false when cancelled or it produced no usable weights

protected:
  void changeEvent(QEvent *event) override;
  void showEvent(QShowEvent *event) override;

private:
  void retranslateUi();
  void requestRefresh();
  void refresh();
  void computeLstmFlow(int t, int K, QString &status);
  void computeRnnFlow(int t, int K);
  void replot();
  void onModelChanged();
  void cancelTraining();
  void onTrainingFinished(const TanhRnnTrainingResult &result);

  ExplorerSession *m_session;
  QCustomPlot *m_plot = nullptr;
  QSpinBox *m_stepsSpin = nullptr;
  QPushButton *m_trainButton = nullptr;
  QProgressBar *m_progress = nullptr;
  QLabel *m_stepsLabel = nullptr;
  QLabel *m_status = nullptr;
  QLabel *m_rnnStatus = nullptr;
  RefreshCoalescer *m_refresher = nullptr;

  std::shared_ptr<const Model> m_castModel;      // the model m_params was converted from
  Parameters<double> m_params;                   // the session's weights in double
  std::unique_ptr<TanhRnn<double>> m_rnn;        // trained comparison RNN; null until trained
  TanhRnnTrainingResult m_rnnRun;                // how it was trained (loss before/after, iterations)
  std::vector<std::int32_t> m_rnnStateTokens;    // trace tokens m_rnnStates were computed over …
  Matrix<double> m_rnnStates;                    // (H, n) … RNN h after each of them, from zero at step 0
  BackgroundJob<TanhRnnTrainingResult, int> m_rnnJob; // RNN training; progress in thousandths

  std::vector<double> m_cellFlow, m_hiddenFlow, m_rnnFlow;
  double m_loss = 0.0;
  QString m_problem; // why the LSTM flow is unavailable, "" when shown
};

} // namespace lstm
