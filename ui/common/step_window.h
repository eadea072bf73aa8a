#pragma once
// Which steps a plot over the trace shows, shared by the heatmap and the unit traces so they scroll alike:
// following the end (the last kFollowSteps steps, all of a shorter trace) until the user pans or zooms, the
// Follow button that resumes it, the inspected step's column highlight, bringing back a cursor that jumped out of view, and
// downsampling the visible steps to about one bucket per pixel column. GUI thread only.
#include <QObject>

#include <functional>
#include <vector>

class QCPAxis;
class QCPItemRect;
class QCPRange;
class QToolButton;
class QWidget;

namespace lstm {

// A window on an index axis in axis coordinates: index k is drawn centred on k, over k ± 0.5.
struct IndexRange {
  double lower = -0.5, upper = 4.5;
  double size() const { return upper - lower; }
  double center() const { return 0.5 * (lower + upper); }
  bool contains(double index) const { return index >= lower && index <= upper; }
  // Indices whose cells intersect the range, clamped to [0, count): first…last; false when there are none.
  bool visibleIndices(int count, int &first, int &last) const;
  // The range moved inside [−0.5, count − 0.5] and at least two indices wide; all of them when it is wider.
  IndexRange clampedTo(int count) const;
};

// Indices of a window downsampled to `count` buckets of `stride` consecutive indices, the first bucket
// starting at `start`. Buckets start at multiples of the stride, so panning keeps them stable.
struct Buckets {
  int start = 0, stride = 1, count = 0;
  // Buckets covering first…last (first ≤ last), at most about `pixels` of them (stride 1 when they fit).
  static Buckets cover(int first, int last, int pixels);
  int indexAt(int bucket) const { return start + bucket * stride; } // the bucket's first index
  int bucketOf(int index) const; // bucket holding `index`, or −1 outside every bucket
};

class StepWindow : public QObject {
  Q_OBJECT
public:
  static constexpr int kFollowSteps = 200;   // steps shown while following the end
  static constexpr int kMinFollowSteps = 10; // while following a shorter trace it fills [0, max(steps, this))

  // `steps` returns the current number of steps in the trace. The follow button is created as a child of `parent`.
  StepWindow(QWidget *parent, std::function<int()> steps);
  // The checkable Follow button (objectName "followButton"), for the view's layout; checked while following.
  QToolButton *followButton() const { return m_followButton; }
  // Puts a step axis under this window: it shows range(), and the user's pan or zoom of it moves every axis.
  // With `cursorColumn`, the cursor's step is highlighted across the axis's axis rect (a QCPItemRect named
  // "cursorColumn", spanning the step ± 0.5).
  void addAxis(QCPAxis *axis, bool cursorColumn = true);
  bool following() const { return m_following; }
  // Follows the end or stops; the button shows it. Resuming emits moved().
  void setFollowing(bool on);
  IndexRange range() const { return m_range; }
  // Call once per refresh, then load visibleSteps(). While following: the last kFollowSteps steps, or all of them
  // (at least kMinFollowSteps wide) while there are fewer, so a short trace fills the plot. A cursor that
  // moved out of view while the trace kept its length (a click in another view) is recentred and following
  // stops; a step moves the cursor too, but leaves a window the user chose alone. −1: no cursor column.
  void update(int cursor);
  // Steps of the window inside the trace: first…last; false when there are none.
  bool visibleSteps(int &first, int &last) const { return m_range.visibleIndices(m_steps(), first, last); }

Q_SIGNALS:
  void moved(); // the user panned, zoomed or resumed following: the view should refresh

protected:
  // Retranslates the follow button on its QEvent::LanguageChange (a QObject gets no changeEvent).
  bool eventFilter(QObject *watched, QEvent *event) override;

private:
  void retranslateUi();
  void onAxisRangeChanged(const QCPRange &range);
  void setRange(IndexRange range); // on every axis; not a user change

  std::function<int()> m_steps;
  QToolButton *m_followButton = nullptr;
  std::vector<QCPAxis *> m_axes;
  std::vector<QCPItemRect *> m_cursorColumns; // objectName "cursorColumn"
  IndexRange m_range;
  bool m_following = true;
  bool m_settingRange = false;
  int m_lastCursor = -1, m_lastSteps = 0; // at the previous update
};

} // namespace lstm
