#pragma once
// Loss curves of a training run: the smoothed training loss at every progress report and the
// validation loss at every evaluation, against iterations or wall-clock seconds, with the unigram and bigram
// baselines (a series run: mean and last value) as dashed lines so "good" has a scale, and a hint when
// validation rises while training falls.
// It knows no controller: the training panel feeds it progress copies. GUI thread only.
#include <QString>
#include <QWidget>

#include <limits>
#include <vector>

class QCheckBox;
class QComboBox;
class QLabel;
class QCustomPlot;
class QCPGraph;
class QCPItemStraightLine;
class QCPItemText;

namespace lstm {

class RefreshCoalescer;
struct TrainingProgress;

class LossPlotView : public QWidget {
  Q_OBJECT
public:
  explicit LossPlotView(QWidget *parent = nullptr);
  ~LossPlotView() override;

  // Appends the smoothed training loss, and the validation loss when p.evaluated; non-finite values are skipped.
  // Cheap (O(1)): the plot redraws at most once per coalescing interval.
  void addProgress(const TrainingProgress &p);
  // Shows the baselines (nats per character) as dashed lines; a non-finite or non-positive value hides its line.
  void setBaselines(double unigram, double bigram);
  // Removes the curves, the baselines and the overfitting hint (a new run sets its own).
  void clear();
  // Series runs: the loss is a mean squared error of scaled values and the baselines are the MSE of
  // predicting the mean and the last value; text runs (the default) speak of nats per character, unigram, bigram.
  void setSeriesLosses(bool series);
  bool seriesLosses() const { return m_series; }
  QString lossAxisLabel() const;           // the y axis title now shown
  QString baselineName(int index) const;   // 0: "unigram" or "mean", 1: "bigram" or "last value"

  int trainPoints() const { return int(m_train.size()); }
  int validationPoints() const { return int(m_validation.size()); }
  bool logScale() const;
  bool timeAxis() const; // x is wall-clock seconds rather than iterations
  // True when the last 3 validation losses rise while the smoothed training loss falls over the same span.
  bool overfitting() const { return m_overfitting; }
  // Saves the plot as PNG or PDF (by extension); false with "<path>: <problem>" in `error`.
  bool exportImage(const QString &path, QString *error);
  // Rebuilds and replots at once instead of at the next coalesced refresh (tests, exports).
  void refreshNow();

protected:
  void changeEvent(QEvent *event) override;

private:
  void retranslateUi();
  struct Point {
    double iteration, seconds, loss;
    double trainAtPoint; // smoothed training loss when this point was taken (validation points only)
  };
  void refresh();
  void loadGraph(QCPGraph *graph, const std::vector<Point> &points, std::size_t &sent, bool rebuild);
  void updateBaselineItems();
  void rescale();
  void updateOverfitting();
  void noteLoss(double loss);

  QCustomPlot *m_plot = nullptr;
  QComboBox *m_xAxisCombo = nullptr;
  QCheckBox *m_logCheck = nullptr;
  QLabel *m_xLabel = nullptr;
  RefreshCoalescer *m_refresher = nullptr;
  QCPGraph *m_trainGraph = nullptr;
  QCPGraph *m_validationGraph = nullptr;
  QCPItemStraightLine *m_baselineLines[2] = {};
  QCPItemText *m_baselineLabels[2] = {};
  QCPItemText *m_overfitText = nullptr;
  std::vector<Point> m_train, m_validation;
  std::size_t m_trainSent = 0, m_validationSent = 0; // points already handed to the graphs
  bool m_rebuild = false;                            // the x axis changed: graphs reload every point
  double m_baselines[2] = {0.0, 0.0};               // unigram, bigram; ≤ 0 when not shown
  double m_lastSmoothed = 0.0;
  bool m_haveSmoothed = false;
  bool m_overfitting = false;
  bool m_series = false;
  double m_lossMax = 0.0;                                               // over both curves
  double m_lossMinPositive = std::numeric_limits<double>::infinity();   // over both curves
};

} // namespace lstm
