# gradrepl-corpus: target=clf.trainable_variables cause=non_differentiable_op line=11 symptom=grad_none
import keras
import tensorflow as tf

clf = keras.Sequential([keras.Input((5,)), keras.layers.Dense(3)])
x = tf.random.normal((12, 5))
y = tf.constant([0, 1, 2] * 4)


def error_rate(labels, logits):
    pred = keras.ops.argmax(logits, axis=-1)
    wrong = keras.ops.not_equal(pred, keras.ops.cast(labels, pred.dtype))
    return keras.ops.mean(keras.ops.cast(wrong, "float32"))


with tf.GradientTape() as tape:
    loss = error_rate(y, clf(x))
grads = tape.gradient(loss, clf.trainable_variables)
print(grads)
