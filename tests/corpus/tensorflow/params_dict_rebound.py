# gradrepl-corpus: target=params["w"] cause=variable_rebound line=21 symptom=grad_none
import tensorflow as tf

params = {"w": tf.Variable(tf.random.normal((3, 1))), "b": tf.Variable(tf.zeros((1,)))}
x = tf.random.normal((32, 3))
y = tf.matmul(x, tf.constant([[1.0], [-2.0], [0.5]])) + 0.3
lr = 0.1


def predict(p, inputs):
    return tf.matmul(inputs, p["w"]) + p["b"]


for step in range(3):
    with tf.GradientTape() as tape:
        loss = tf.reduce_mean(tf.square(predict(params, x) - y))
    grads = tape.gradient(loss, params)
    if any(g is None for g in grads.values()):
        print("step", step, "lost its gradients")
        break
    params = {k: params[k] - lr * grads[k] for k in params}
