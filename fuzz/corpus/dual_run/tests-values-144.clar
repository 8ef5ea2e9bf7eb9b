(len u"{emoji}")
